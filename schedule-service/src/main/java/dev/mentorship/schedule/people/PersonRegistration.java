package dev.mentorship.schedule.people;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mentorship.schedule.program.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A person's registration: which deadlines concern them, and their one-on-one-week availability (UTC JSON). */
@Entity
@Table(name = "person_registration")
public class PersonRegistration extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Status { ACTIVE, WITHDRAWN }

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** [[startEpochSecond, endEpochSecond], ...] */
    @Column(name = "one_on_one_utc", nullable = false)
    public String oneOnOneUtc = "[]";

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The one-on-one-week hours, each as [startEpochSecond, endEpochSecond]. */
    public List<long[]> oneOnOne() {
        try {
            return JSON.readValue(oneOnOneUtc, new TypeReference<List<long[]>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void oneOnOne(List<long[]> intervals) {
        try {
            oneOnOneUtc = JSON.writeValueAsString(intervals);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
