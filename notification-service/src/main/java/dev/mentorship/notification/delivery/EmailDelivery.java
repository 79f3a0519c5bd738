package dev.mentorship.notification.delivery;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One email the service sends or tries to send, and what became of it. The consumer queues them and the sender settles
 * them in bulk with raw SQL ({@code FanOut}, {@code MailSender}, {@code DigestJob}); the organizers' log reads them here.
 */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {

    public enum Status { PENDING, SENDING, SENT, FAILED, DIGEST, DIGESTED }

    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The program the mail is about (null: none): it is in that program's delivery log. */
    @Column(name = "program_id")
    public UUID programId;

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** A program's log, newest first; {@code status} null for every delivery. */
    public static PanacheQuery<EmailDelivery> ofProgram(UUID programId, Status status) {
        return status == null ? find("programId", NEWEST_FIRST, programId)
                : find("programId = ?1 and status = ?2", NEWEST_FIRST, programId, status);
    }
}
