package dev.mentorship.participant.conduct;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A confidential report of a code-of-conduct violation. The program's conduct contacts alone read it, never a person
 * it names; the event that announces it carries its id and program only. An anonymous reporter's name and email are
 * not kept (their account id is, so that they may erase it with their data). If the reporter erases their data, the report stays (the organizers may still need to act
 * on it) but no longer names them.
 */
@Entity
@Table(name = "conduct_report")
public class ConductReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "program_id")
    public UUID programId;

    @Column(name = "reporter_id")
    public UUID reporterId;

    @Column(name = "reporter_name")
    public String reporterName;

    @Column(name = "reporter_email")
    public String reporterEmail;

    /** Whom the report is about, in the reporter's words. */
    @Column(nullable = false)
    public String about;

    /** The account of the person it is about, where the reporter named one: never shown to them. */
    @Column(name = "about_person_id")
    public UUID aboutPersonId;

    /** The reporter asked to stay unknown to the organizers: their name and email are not kept. */
    @Column(nullable = false)
    public boolean anonymous;

    /** What happened. */
    @Column(nullable = false)
    public String description;

    /** When it happened. */
    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    /** Where it happened (a meeting, a channel), if the reporter says. */
    @Column
    public String location;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;
}
