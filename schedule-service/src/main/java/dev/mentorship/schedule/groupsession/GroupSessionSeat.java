package dev.mentorship.schedule.groupsession;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** That a person joined a group session (written by a native insert that does nothing when they had already). */
@Entity
@Table(name = "group_session_seat")
public class GroupSessionSeat extends PanacheEntityBase {

    @Embeddable
    public record Id(@Column(name = "session_id") UUID sessionId,
                     @Column(name = "participant_id") UUID participantId) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(name = "chosen_at", nullable = false)
    public Instant chosenAt;
}
