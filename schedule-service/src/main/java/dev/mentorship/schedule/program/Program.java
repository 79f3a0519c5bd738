package dev.mentorship.schedule.program;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One edition of a conference's mentorship offer, e.g. "ML4H 2025"; organizers draft it, then publish it. */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED }

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    @Id
    public UUID id;

    @Column(nullable = false)
    public String conference;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public String description;

    /** The zone of milestones that name none: "AoE" or an IANA name. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "code_of_conduct_title", nullable = false)
    public String codeOfConductTitle;

    @Column(name = "code_of_conduct_version", nullable = false)
    public String codeOfConductVersion;

    @Column(name = "code_of_conduct_url")
    public String codeOfConductUrl;

    /** Where conduct violations are reported, e.g. info@ml4h.cc. */
    @Column(name = "conduct_contact")
    public String conductContact;

    /** The frontend's public origin for this program (links in mails lead there); null: the deployment's default. */
    @Column(name = "frontend_url")
    public String frontendUrl;

    @Column(name = "created_by")
    public UUID createdBy;

    @Version
    public long version;

    /** Every program, newest first. */
    public static PanacheQuery<Program> newestFirst() {
        return findAll(NEWEST_FIRST);
    }

    /** The programs of one status, newest first. */
    public static PanacheQuery<Program> withStatus(Status status) {
        return find("status", NEWEST_FIRST, status);
    }

    /** The published programs and the drafts of the programs a person is on the staff of, newest first. */
    public static PanacheQuery<Program> visibleTo(UUID person) {
        return find("status = ?1 or id in (select s.programId from StaffMember s where s.personId = ?2)", NEWEST_FIRST,
                Status.PUBLISHED, person);
    }

}
