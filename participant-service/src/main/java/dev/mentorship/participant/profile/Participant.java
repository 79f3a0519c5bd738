package dev.mentorship.participant.profile;

import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.participant.persistence.JsonColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person's profile, shared by all their registrations. The id is their Keycloak subject. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    /** From the person's token (Keycloak verifies it), refreshed on each change. */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String affiliation;

    @Enumerated(EnumType.STRING)
    @Column(name = "career_stage", nullable = false)
    public CareerStage careerStage;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Normalised keywords (see {@link Keywords}). */
    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> interests = new ArrayList<>();

    @Column(name = "interests_text")
    public String interestsText;

    @Convert(converter = JsonColumns.WeeklyAvailability.class)
    @Column(nullable = false)
    public List<WeeklyInterval> availability = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
