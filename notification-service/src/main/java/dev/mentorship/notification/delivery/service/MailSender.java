package dev.mentorship.notification.delivery.service;

import dev.mentorship.notification.fanout.NotificationsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends queued emails over SMTP. Each replica claims due deliveries in batches (an UPDATE over a
 * {@code FOR UPDATE SKIP LOCKED} selection, committed before sending, so no row lock is held while mail is in
 * flight and no two replicas claim the same delivery), sends them with several in flight at once over pooled SMTP
 * connections, then records each outcome: SENT, or a retry after a backoff that doubles each time, or FAILED
 * after the last attempt. A claim not settled in time (its replica died) is claimed again: a mail may then go out
 * twice, which SMTP cannot rule out, but it is never lost.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final NotificationsConfig config;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** From the event behind a mail (its ce_time) to the SMTP server accepting the mail, retries included. */
    private final Timer latency;
    /** Mails the SMTP server accepted, and attempts it refused or did not answer in time (the alert's failure ratio). */
    private final Counter sentMails;
    private final Counter failedAttempts;
    private final Counter gaveUp;

    public MailSender(Pool pool, ReactiveMailer mailer, NotificationsConfig config, Clock clock, MeterRegistry registry) {
        this.pool = pool;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.latency = Timer.builder("notification.mail.latency")
                .description("Time from the event behind a mail to the SMTP server accepting the mail")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                .register(registry);
        this.sentMails = Counter.builder("mentorship.mail.sent").description("Mails the SMTP server accepted").register(registry);
        this.failedAttempts = Counter.builder("mentorship.mail.failed").tag("final", "false")
                .description("Attempts to send a mail that failed; final=true where it was the last attempt (the mail is FAILED)")
                .register(registry);
        this.gaveUp = Counter.builder("mentorship.mail.failed").tag("final", "true")
                .description("Attempts to send a mail that failed; final=true where it was the last attempt (the mail is FAILED)")
                .register(registry);
    }

    record Claimed(UUID id, String email, String subject, String text, String html, String attachmentName, String attachment,
                   int attempts, Instant eventAt, String unsubscribeUrl) {
    }

    @Scheduled(every = "${mentorship.notifications.send-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    Uni<Void> tick() {
        wakeUp();
        return Uni.createFrom().voidItem();
    }

    /** Sends what is due now, unless a round is running (which then goes on until nothing is due). */
    public void wakeUp() {
        wanted.set(true);
        if (busy.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        wanted.set(false);
        // every mail has a send timeout, so a round always ends (a round that hung kept the sender busy for good)
        sendDue().subscribe().with(sent -> finish(), failure -> {
            LOG.warnf("Sending mail will retry: %s", failure.getMessage());
            busy.set(false);
        });
    }

    private void finish() {
        if (wanted.get()) {
            round();
        } else {
            busy.set(false);
            if (wanted.get() && busy.compareAndSet(false, true)) {
                round();
            }
        }
    }

    /** Claims and sends batches until nothing is due; returns how many were sent. */
    public Uni<Integer> sendDue() {
        return claim().chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                : send(batch).chain(sent -> sendDue().map(more -> sent + more)));
    }

    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        // raw SQL, programmatic transaction: the bulk path (up to send-batch mails per claim, one UPDATE … RETURNING),
        // and the row locks (FOR UPDATE SKIP LOCKED) must be its first statement, committed before any mail is sent
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        update email_delivery set status = 'SENDING', claimed_until = $1, attempts = attempts + 1
                        where id in (select id from email_delivery
                                     where (status = 'PENDING' and next_attempt_at <= $2) or (status = 'SENDING' and claimed_until < $2)
                                     order by next_attempt_at limit $3 for update skip locked)
                        returning id, email, subject, text_body, html_body, attachment_name, attachment, attempts, event_at, unsubscribe_url""")
                .execute(Tuple.of(utc(now.plus(config.claimTimeout())), utc(now), config.sendBatch()))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime eventAt = r.getOffsetDateTime("event_at"); // none on mails queued before it was recorded
                        claimed.add(new Claimed(r.getUUID("id"), r.getString("email"), r.getString("subject"), r.getString("text_body"),
                                r.getString("html_body"), r.getString("attachment_name"), r.getString("attachment"), r.getInteger("attempts"),
                                eventAt == null ? null : eventAt.toInstant(), r.getString("unsubscribe_url")));
                    }
                    return claimed;
                }));
    }

    private Uni<Integer> send(List<Claimed> batch) {
        List<UUID> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Tuple> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        return Multi.createFrom().iterable(batch)
                // each mail is marked sent the moment SMTP accepted it, so a crash re-sends at most the mails in
                // flight; those carry the same Message-ID, which mail clients show once
                .onItem().transformToUni(c -> mailer.send(mail(c))
                        .ifNoItem().after(config.sendTimeout()).failWith(() -> new java.util.concurrent.TimeoutException(
                                "the SMTP server did not accept the mail within " + config.sendTimeout().toSeconds() + " s"))
                        .invoke(() -> {
                            sent.add(c.id());
                            sentMails.increment();
                            if (c.eventAt() != null) {
                                latency.record(Duration.between(c.eventAt(), clock.instant()));
                            }
                        })
                        .call(() -> markSent(c.id()).onFailure().recoverWithNull())
                        .onFailure().recoverWithItem(e -> {
                            failed.add(failure(c, e));
                            return null;
                        }))
                .merge(config.sendConcurrency())
                .collect().last()
                .chain(() -> record(new ArrayList<>(sent), new ArrayList<>(failed)))
                .replaceWith(sent.size());
    }

    private Uni<Void> markSent(UUID id) {
        // raw SQL: the bulk path's outcome, one row at a time as SMTP accepts it; a single statement, no transaction
        return pool.preparedQuery("update email_delivery set status = 'SENT', sent_at = $1, claimed_until = null, last_error = null"
                        + " where id = $2 and status = 'SENDING'")
                .execute(Tuple.of(utc(clock.instant()), id)).replaceWithVoid();
    }

    private Mail mail(Claimed c) {
        Mail mail = Mail.withText(c.email(), EncodedWords.encode(c.subject()), c.text()).setHtml(c.html())
                .addHeader("Message-ID", "<" + c.id() + "@notifications.mentorship>");
        if (c.unsubscribeUrl() != null) {
            // RFC 8058 one-click unsubscribe (optional notices only): mail clients POST "List-Unsubscribe=One-Click" to it
            mail.addHeader("List-Unsubscribe", "<" + c.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (c.attachment() != null) {
            String method = c.attachment().contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST";
            mail.addAttachment(c.attachmentName(), c.attachment().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=" + method + "; charset=UTF-8");
        }
        return mail;
    }

    private Tuple failure(Claimed c, Throwable e) {
        boolean last = c.attempts() >= config.maxAttempts();
        (last ? gaveUp : failedAttempts).increment();
        Instant retry = clock.instant().plus(config.firstRetry().multipliedBy(1L << Math.min(20, c.attempts() - 1)));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        LOG.warnf("Mail %s to %s failed (attempt %d%s): %s", c.id(), c.email(), c.attempts(), last ? ", giving up" : "", error);
        return Tuple.of(c.id(), last ? "FAILED" : "PENDING", utc(retry), error.length() > 2000 ? error.substring(0, 2000) : error);
    }

    /** The batch's outcomes: the sent ones again (in case marking one failed), the failed ones with their retry. */
    private Uni<Void> record(List<UUID> sent, List<Tuple> failed) {
        Instant now = clock.instant();
        // raw SQL, programmatic transaction: the bulk path, a whole batch's outcomes in two statements
        return pool.withTransaction(conn -> {
            Uni<Void> chain = sent.isEmpty() ? Uni.createFrom().voidItem()
                    : conn.preparedQuery("update email_delivery set status = 'SENT', sent_at = $1, claimed_until = null, last_error = null"
                            + " where id = any($2) and status = 'SENDING'")
                    .execute(Tuple.of(utc(now), sent.toArray(new UUID[0]))).replaceWithVoid();
            if (!failed.isEmpty()) {
                chain = chain.chain(() -> conn.preparedQuery(
                                "update email_delivery set status = $2, next_attempt_at = $3, last_error = $4, claimed_until = null where id = $1")
                        .executeBatch(failed).replaceWithVoid());
            }
            return chain;
        });
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
