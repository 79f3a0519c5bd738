package dev.mentorship.notification.delivery.service;

import dev.mentorship.notification.fanout.Links;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.fanout.Renderer;
import dev.mentorship.notification.preference.OptOut;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The daily digest: for people who chose it, the optional notices of the day wait (DIGEST) and go out as one email
 * once their local clock passes the digest hour; one digest per person and local day (its idempotency key).
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class);

    private final Pool pool;
    private final Renderer renderer;
    private final NotificationsConfig config;
    private final MailSender sender;
    private final Clock clock;

    public DigestJob(Pool pool, Renderer renderer, NotificationsConfig config, MailSender sender, Clock clock) {
        this.pool = pool;
        this.renderer = renderer;
        this.config = config;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(every = "15m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "1m")
    Uni<Void> tick() {
        return compose().onFailure().invoke(e -> LOG.warnf("Digest will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    record Waiting(UUID id, UUID recipient, String email, String subject, String timeZone, String name) {
    }

    /** Sends the digests that are due now; returns how many. */
    public Uni<Integer> compose() {
        Instant now = clock.instant();
        // raw SQL, programmatic transaction: the bulk path (up to 10,000 waiting mails per round, the digests inserted in a
        // batch), and the row locks (FOR UPDATE SKIP LOCKED, so replicas share the work) must be its first statement
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select d.id, d.recipient_id, d.email, d.subject, coalesce(c.time_zone, 'UTC') as time_zone, c.name
                        from email_delivery d left join contact c on c.participant_id = d.recipient_id
                        where d.status = 'DIGEST' order by d.created_at limit 10000 for update of d skip locked""")
                .execute().chain(rows -> {
                    Map<UUID, List<Waiting>> byRecipient = new LinkedHashMap<>();
                    for (Row r : rows) {
                        Waiting w = new Waiting(r.getUUID("id"), r.getUUID("recipient_id"), r.getString("email"), r.getString("subject"),
                                r.getString("time_zone"), r.getString("name"));
                        byRecipient.computeIfAbsent(w.recipient(), k -> new ArrayList<>()).add(w);
                    }
                    List<Tuple> digests = new ArrayList<>();
                    // a digest spans programs: its links lead to the deployment's frontend
                    Links links = Links.of(null, null, config.frontendUrl());
                    List<UUID> included = new ArrayList<>();
                    for (List<Waiting> items : byRecipient.values()) {
                        Waiting first = items.get(0);
                        ZoneId zone = zone(first.timeZone());
                        if (now.atZone(zone).getHour() < config.digestHour()) {
                            continue;
                        }
                        LocalDate day = now.atZone(zone).toLocalDate();
                        List<String> paragraphs = new ArrayList<>();
                        paragraphs.add("Here is what happened since your last digest (the details are in your inbox):");
                        items.forEach(w -> paragraphs.add("- " + w.subject()));
                        Message digest = new Message(first.recipient(), first.email(), first.name(), Message.Category.DEADLINES,
                                "Your mentorship digest for " + day, paragraphs, List.of(), new Message.Link("Open your inbox", links.inbox()),
                                links, null, null);
                        // a digest gathers every optional kind: its one-click link turns them all off
                        Renderer.Rendered r = renderer.render(digest, OptOut.ALL);
                        Tuple t = Tuple.tuple(List.of(UUID.randomUUID(), first.recipient(), first.email(), "DIGEST", r.subject(),
                                "PENDING", now.atOffset(ZoneOffset.UTC), "digest:" + first.recipient() + ":" + day, "Digest", r.text(), r.html()));
                        t.addOffsetDateTime(now.atOffset(ZoneOffset.UTC)).addString(r.unsubscribeUrl());
                        digests.add(t);
                        items.forEach(w -> included.add(w.id()));
                    }
                    if (digests.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return conn.preparedQuery("""
                                    insert into email_delivery (id, recipient_id, email, kind, subject, status, created_at, event_id, event_type,
                                      text_body, html_body, next_attempt_at, unsubscribe_url)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                                    on conflict (event_id, recipient_id) where event_id is not null do nothing""")
                            .executeBatch(digests)
                            .chain(() -> conn.preparedQuery("update email_delivery set status = 'DIGESTED', sent_at = $1 where id = any($2)")
                                    .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), included.toArray(new UUID[0]))))
                            .replaceWith(digests.size());
                })).invoke(count -> {
                    if (count > 0) {
                        sender.wakeUp();
                    }
                });
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
