package dev.mentorship.schedule.program;

import dev.mentorship.runtime.persistence.JsonText;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One kind of mentorship within a program, with its registration window and milestones. */
@Entity
@Table(name = "track")
public class Track extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    /** Stable within the program, e.g. "author". */
    @Column(nullable = false)
    public String key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TrackKind kind;

    @Column(nullable = false)
    public String name;

    public String description;

    /** Whether registrations after the application deadline are accepted (as late) until the track closes. */
    @Column(nullable = false)
    public boolean rolling;

    /** The last day (in the program's zone) registrations are accepted; null: the application deadline. */
    @Column(name = "registration_closes_on")
    public LocalDate registrationClosesOn;

    /** Topics mentees choose from (CAREER), e.g. "work-life balance". */
    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> topics = new ArrayList<>();

    @Column(name = "mentees_per_mentor_min")
    public Integer menteesPerMentorMin;

    @Column(name = "mentees_per_mentor_max")
    public Integer menteesPerMentorMax;

    @Column(nullable = false)
    public int position;
}
