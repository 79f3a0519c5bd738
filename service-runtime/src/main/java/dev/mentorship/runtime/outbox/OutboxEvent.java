package dev.mentorship.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event recorded in the transaction of the change that caused it, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvent id ({@code ce_id}): consumers deduplicate by it. */
    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The Kafka key: the aggregate's id, so that one aggregate's events stay in order. */
    @Column(name = "event_key", nullable = false)
    public String key;

    /** The CloudEvent type ({@code ce_type}): the event's name, e.g. ProgramPublished. */
    @Column(nullable = false)
    public String type;

    @Column
    public String subject;

    @Column(name = "data_schema", nullable = false)
    public String dataSchema;

    /** The event's data as JSON. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Deleted as soon as it is published (ParticipantErased: the erased person's id must not stay behind). */
    @Column(nullable = false)
    public boolean ephemeral;
}
