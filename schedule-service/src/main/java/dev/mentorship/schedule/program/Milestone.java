package dev.mentorship.schedule.program;

import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.schedule.persistence.JsonColumns;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A deadline (point) or a period (window) of a track, as a date in a time zone; see {@link ProgramTime}. */
@Entity
@Table(name = "milestone")
public class Milestone extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(nullable = false)
    public String key;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MilestoneType type;

    /** The date of a point, or the first date of a window. */
    @Column(name = "on_date", nullable = false)
    public LocalDate date;

    /** The last date of a window; null for a point. */
    @Column(name = "end_date")
    public LocalDate endDate;

    /** The time of day of a point, where the page gives one; null: the end of the day. */
    @Column(name = "at_time")
    public LocalTime time;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The instant of a point, or the first instant of a window: what reminders count back from. */
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    /** The last instant of a window. */
    @Column(name = "ends_at")
    public Instant endsAt;

    @Convert(converter = JsonColumns.RoleSet.class)
    @Column(nullable = false)
    public Set<Role> audience = new TreeSet<>();

    /** Lead times before {@link #dueAt}, as ISO-8601 durations ("P7D", "PT12H"). */
    @Convert(converter = JsonText.StringList.class)
    @Column(nullable = false)
    public List<String> reminders = new ArrayList<>();

    public String description;

    @Column(nullable = false)
    public int position;

    @Version
    public long version;

    /** Sets the dates and recomputes the instants. */
    public void schedule(LocalDate date, LocalDate endDate, LocalTime time) {
        this.date = date;
        this.endDate = endDate;
        this.time = time;
        if (type.window) {
            this.dueAt = ProgramTime.startOf(date, timeZone);
            this.endsAt = ProgramTime.endOf(endDate, timeZone);
        } else {
            this.dueAt = ProgramTime.at(date, time, timeZone);
            this.endsAt = null;
        }
    }

    /** The last instant of the milestone: its end for a window, its instant for a point. */
    public Instant lastInstant() {
        return endsAt != null ? endsAt : dueAt;
    }

    /** "July 5, 2025 AoE" or "July 18, 2025 – September 8, 2025 AoE". */
    public String rendering() {
        return type.window ? ProgramTime.renderWindow(date, endDate, timeZone) : ProgramTime.render(date, time, timeZone);
    }
}
