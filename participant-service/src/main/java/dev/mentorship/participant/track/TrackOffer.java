package dev.mentorship.participant.track;

import dev.mentorship.runtime.persistence.JsonText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A track people can register for, as schedule-service announced it. */
@Entity
@Table(name = "track_offer")
public class TrackOffer extends PanacheEntityBase {

    public enum Kind { AUTHOR, REVIEWER, CAREER }

    /** Whether a registration now is on time, late (rolling tracks after the application deadline), or refused. */
    public enum RegistrationState { NOT_YET_OPEN, OPEN, LATE, CLOSED }

    @Id
    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "program_name", nullable = false)
    public String programName;

    @Column(nullable = false)
    public String conference;

    @Column(name = "track_key", nullable = false)
    public String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> topics = new ArrayList<>();

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "application_deadline", nullable = false)
    public Instant applicationDeadline;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(nullable = false)
    public boolean rolling;

    @Column(name = "code_of_conduct_title", nullable = false)
    public String codeOfConductTitle;

    @Column(name = "code_of_conduct_version", nullable = false)
    public String codeOfConductVersion;

    /** Where the code of conduct is published, where the program names it. */
    @Column(name = "code_of_conduct_url")
    public String codeOfConductUrl;

    /** Where the program has violations reported (e.g. info@ml4h.cc); null: only the platform's conduct report form. */
    @Column(name = "conduct_report_contact")
    public String conductReportContact;

    @Column(name = "mentees_per_mentor_min")
    public Integer menteesPerMentorMin;

    @Column(name = "mentees_per_mentor_max")
    public Integer menteesPerMentorMax;

    /** The one-on-one week of a career track, where the program has one. */
    @Column(name = "one_on_one_starts_at")
    public Instant oneOnOneStartsAt;

    @Column(name = "one_on_one_ends_at")
    public Instant oneOnOneEndsAt;

    /** The program's time zone ("AoE" or an IANA name), for the program report's days; null: published before it was kept. */
    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public RegistrationState stateAt(Instant now) {
        if (now.isBefore(opensAt)) {
            return RegistrationState.NOT_YET_OPEN;
        }
        if (!now.isAfter(applicationDeadline)) {
            return RegistrationState.OPEN;
        }
        return rolling && !now.isAfter(closesAt) ? RegistrationState.LATE : RegistrationState.CLOSED;
    }

    private static final Sort ORDER = Sort.by("closesAt").descending().and("programName").and("kind");

    /** The offers of one program, or of all when programId is null: the latest closing first. */
    public static PanacheQuery<TrackOffer> findOffers(UUID programId) {
        return programId == null ? findAll(ORDER) : find("programId", ORDER, programId);
    }
}
