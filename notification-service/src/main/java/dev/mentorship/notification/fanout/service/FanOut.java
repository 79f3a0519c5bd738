package dev.mentorship.notification.fanout.service;

import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.Message.Category;
import dev.mentorship.notification.fanout.Renderer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event's messages in the consumer's transaction: one inbox entry and at most one email per recipient,
 * keyed by (event id, recipient), so that a redelivered event adds nothing. An email is queued (PENDING) for the
 * sender, kept for the daily digest, or not written where the person turned that kind of email off. Then
 * {@code pg_notify('inbox', eventId)} tells every replica's live streams, on commit.
 * <p>
 * Raw SQL on the consumer's connection, because this is the bulk path: one event can fan out to tens of thousands of
 * recipients, written as batched multi-row inserts with {@code on conflict do nothing}, never as managed entities.
 */
@ApplicationScoped
public class FanOut {

    private final Renderer renderer;

    public FanOut(Renderer renderer) {
        this.renderer = renderer;
    }

    /** A person's email choices; null fields mean the defaults (everything by email, no digest). */
    record Choice(boolean deadlines, boolean meetings, boolean inactivity, boolean digest) {
        static final Choice DEFAULT = new Choice(true, true, true, false);

        boolean wants(Category category) {
            return switch (category) {
                case DEADLINES -> deadlines;
                case MEETINGS -> meetings;
                case INACTIVITY -> inactivity;
                default -> true;
            };
        }
    }

    /**
     * Stores the event's inbox entries and queues its mails (unless the recipient opted out or takes a digest);
     * {@code eventAt} is when the event happened (its ce_time), from which a mail's latency is measured.
     */
    public Uni<Integer> persist(SqlConnection conn, String eventId, String eventType, Instant eventAt, List<Message> messages, Instant now) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> recipients = messages.stream().map(Message::recipientId).distinct().toList();
        return conn.preparedQuery("select * from preference where participant_id = any($1)")
                .execute(Tuple.of(recipients.toArray(new UUID[0]))).chain(rows -> {
                    Map<UUID, Choice> choices = new HashMap<>();
                    for (Row row : rows) {
                        choices.put(row.getUUID("participant_id"), new Choice(row.getBoolean("deadlines"), row.getBoolean("meetings"),
                                row.getBoolean("inactivity"), row.getBoolean("daily_digest")));
                    }
                    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                    OffsetDateTime happened = (eventAt != null ? eventAt : now).atOffset(ZoneOffset.UTC);
                    List<Tuple> inbox = new ArrayList<>();
                    List<Tuple> mail = new ArrayList<>();
                    for (Message m : messages) {
                        Tuple entry = Tuple.tuple(List.of(UUID.randomUUID(), m.recipientId(), eventType, cut(m.subject(), 300), m.plainBody(), at,
                                eventId, eventType, m.category().name()));
                        inbox.add(entry.addString(m.link() == null ? null : m.link().url()));
                        Choice choice = choices.getOrDefault(m.recipientId(), Choice.DEFAULT);
                        if (m.email() == null || m.email().isBlank() || !m.category().mandatory && !choice.wants(m.category())) {
                            continue;
                        }
                        String status = m.digestOnly() || !m.category().mandatory && choice.digest() ? "DIGEST" : "PENDING";
                        Renderer.Rendered r = renderer.render(m);
                        Tuple t = Tuple.tuple(List.of(UUID.randomUUID(), m.recipientId(), m.email(), m.category().name(),
                                cut(r.subject(), 300), status, at, eventId, eventType, r.text(), r.html()));
                        t.addString(m.attachmentName()).addString(m.attachment()).addOffsetDateTime(at).addOffsetDateTime(happened)
                                .addString(r.unsubscribeUrl()).addUUID(m.links() == null ? null : m.links().programId());
                        mail.add(t);
                    }
                    Uni<Void> chain = conn.preparedQuery("""
                                    insert into notification (id, recipient_id, kind, subject, body, created_at, event_id, event_type, category,
                                      link)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                                    on conflict (event_id, recipient_id) where event_id is not null do nothing""")
                            .executeBatch(inbox).replaceWithVoid();
                    if (!mail.isEmpty()) {
                        chain = chain.chain(() -> conn.preparedQuery("""
                                        insert into email_delivery (id, recipient_id, email, kind, subject, status, created_at, event_id,
                                          event_type, text_body, html_body, attachment_name, attachment, next_attempt_at, event_at,
                                          unsubscribe_url, program_id)
                                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
                                        on conflict (event_id, recipient_id) where event_id is not null do nothing""")
                                .executeBatch(mail).replaceWithVoid());
                    }
                    return chain.chain(() -> conn.preparedQuery("select pg_notify('inbox', $1)").execute(Tuple.of(eventId)))
                            .replaceWith(mail.size());
                });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
