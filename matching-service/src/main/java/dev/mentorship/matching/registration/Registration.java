package dev.mentorship.matching.registration;

import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.matching.persistence.JsonColumns;
import dev.mentorship.matching.scoring.Person;
import dev.mentorship.matching.track.Track;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A registration as participant-service announced it: what matching needs, and the contact /me/pairings shows. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    public enum Role { MENTOR, MENTEE }

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
    @Column(name = "track_kind", nullable = false)
    public Track.Kind trackKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public boolean late;

    @Column(nullable = false)
    public boolean priority;

    @Column
    public Integer capacity;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String affiliation;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> keywords = new ArrayList<>();

    @Column(name = "free_text", nullable = false)
    public String freeText = "";

    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> topics = new ArrayList<>();

    @Convert(converter = JsonColumns.Intervals.class)
    @Column(name = "availability_utc", nullable = false)
    public List<JsonColumns.Interval> availabilityUtc = new ArrayList<>();

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** These registrations by id; ids of registrations that are gone are left out. */
    public static Uni<Map<UUID, Registration>> byId(Collection<UUID> ids) {
        return (ids.isEmpty() ? Uni.createFrom().item(List.<Registration>of()) : Registration.<Registration>list("registrationId in ?1", ids))
                .map(found -> {
                    Map<UUID, Registration> byId = new HashMap<>();
                    found.forEach(r -> byId.put(r.registrationId, r));
                    return byId;
                });
    }

    /** As the scoring sees it; {@code capacity} is what is left of it. */
    public Person person(int capacityLeft) {
        return new Person(participantId, name, affiliation, keywords, freeText, topics,
                availabilityUtc.stream().map(i -> new long[]{i.start(), i.end()}).toList(), capacityLeft);
    }
}
