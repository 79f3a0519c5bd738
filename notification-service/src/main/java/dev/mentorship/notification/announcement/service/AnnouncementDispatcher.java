package dev.mentorship.notification.announcement.service;

import dev.mentorship.notification.announcement.Announcement;
import dev.mentorship.notification.delivery.service.MailSender;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.Renderer;
import dev.mentorship.notification.preference.OptOut;
import dev.mentorship.notification.preference.UnsubscribeTokens;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers announcements that are due, on every replica: one transaction per announcement claims it
 * ({@code FOR UPDATE SKIP LOCKED}: another replica skips it, and a cancel waits for the outcome), resolves its audience
 * once in SQL ({@link AudienceQuery}), writes every inbox entry in one INSERT … SELECT and every mail in another (each
 * person's name and unsubscribe link put into the rendered mail by SQL), both {@code on conflict do nothing} under
 * (announcement:id, recipient), marks it SENT and tells the live streams. Commit, then {@link MailSender} sends the mails
 * as any others. A replica that dies before commit leaves it SCHEDULED for the next. Preferences: an optional announcement
 * is mailed to whoever did not turn announcements off (in the digest for those who take one); an essential one to all.
 */
@ApplicationScoped
public class AnnouncementDispatcher {

    private static final Logger LOG = Logger.getLogger(AnnouncementDispatcher.class);

    private final Pool pool;
    private final AnnouncementMail mail;
    private final UnsubscribeTokens tokens;
    private final MailSender sender;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    public AnnouncementDispatcher(Pool pool, AnnouncementMail mail, UnsubscribeTokens tokens, MailSender sender, Clock clock) {
        this.pool = pool;
        this.mail = mail;
        this.tokens = tokens;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(every = "${mentorship.announcements.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    Uni<Void> tick() {
        wakeUp();
        return Uni.createFrom().voidItem();
    }

    /** Delivers what is due now, unless a round is running on this replica (which then goes on until nothing is due). */
    public void wakeUp() {
        wanted.set(true);
        if (busy.compareAndSet(false, true)) {
            round();
        }
    }

    private void round() {
        wanted.set(false);
        dispatchDue().subscribe().with(count -> {
            busy.set(false);
            if (wanted.get() && busy.compareAndSet(false, true)) {
                round();
            }
        }, failure -> {
            LOG.warnf("Delivering announcements will retry: %s", failure.getMessage());
            busy.set(false);
        });
    }

    /** Delivers every due announcement, one transaction each; returns how many were delivered by this call. */
    public Uni<Integer> dispatchDue() {
        return dispatchOne().chain(done -> done ? dispatchDue().map(more -> more + 1) : Uni.createFrom().item(0));
    }

    /** Claims and delivers one due announcement; false when none is due (or every due one is being delivered elsewhere). */
    Uni<Boolean> dispatchOne() {
        Instant now = clock.instant();
        // raw SQL, programmatic transaction: the bulk path; the claim (FOR UPDATE SKIP LOCKED) is its first statement and
        // holds the row until the inbox entries and mails are written and it is marked SENT, all committed together
        return pool.withTransaction(conn -> conn.preparedQuery("""
                        select id, program_id, subject, body, track_id, role, audience_status, essential, send_at
                        from announcement where status = 'SCHEDULED' and send_at <= $1 order by send_at limit 1 for update skip locked""")
                .execute(Tuple.of(utc(now))).chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Announcement a = announcement(rows.iterator().next());
                    return deliver(conn, a, now).replaceWith(true);
                })).invoke(delivered -> {
                    if (delivered) {
                        sender.wakeUp();
                    }
                });
    }

    private Uni<Void> deliver(SqlConnection conn, Announcement a, Instant now) {
        String eventId = a.eventId();
        OffsetDateTime at = utc(now);
        return mail.context(conn, a.programId, a.trackId).chain(context -> conn.preparedQuery(AudienceQuery.ids(a.audience()))
                .execute(AudienceQuery.params(a.programId, a.audience())).chain(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getUUID("participant_id"));
                    }
                    UUID[] recipients = ids.toArray(new UUID[0]);
                    // the mail rendered once, with stand-ins for each reader's name and unsubscribe link that SQL replaces
                    String nameMark = "n" + UUID.randomUUID().toString().replace("-", "");
                    UUID placeholder = UUID.randomUUID();
                    Message template = mail.message(a, context, placeholder, "stand-in@invalid", nameMark);
                    Renderer.Rendered rendered = mail.render(a, context, template);
                    String urlMark = a.essential ? null : tokens.url(placeholder, OptOut.ANNOUNCEMENTS);
                    String[] urls = new String[recipients.length];
                    for (int i = 0; i < recipients.length; i++) {
                        // an essential one has no unsubscribe link ('' stands for none)
                        urls[i] = a.essential ? "" : tokens.url(recipients[i], OptOut.ANNOUNCEMENTS);
                    }
                    Tuple inbox = Tuple.tuple(List.of(recipients, cut(template.subject()), template.plainBody(), at, eventId,
                            Announcement.EVENT_TYPE, Message.Category.ANNOUNCEMENTS.name()));
                    inbox.addString(template.link().url());
                    Tuple mails = Tuple.tuple(List.of(recipients, urls, cut(rendered.subject()), at, eventId, Announcement.EVENT_TYPE,
                            rendered.text(), rendered.html(), nameMark));
                    mails.addString(urlMark == null ? nameMark + "-no-link" : urlMark).addBoolean(a.essential).addOffsetDateTime(utc(a.sendAt))
                            .addUUID(a.programId);
                    return conn.preparedQuery("""
                                    insert into notification (id, recipient_id, kind, subject, body, created_at, event_id, event_type, category, link)
                                    select gen_random_uuid(), r, $6, $2, $3, $4, $5, $6, $7, $8 from unnest($1::uuid[]) r
                                    on conflict (event_id, recipient_id) where event_id is not null do nothing""")
                            .execute(inbox)
                            .chain(() -> conn.preparedQuery("""
                                    insert into email_delivery (id, recipient_id, email, kind, subject, status, created_at, event_id, event_type,
                                      text_body, html_body, next_attempt_at, event_at, unsubscribe_url, program_id)
                                    select gen_random_uuid(), c.participant_id, c.email, 'ANNOUNCEMENTS', $3,
                                      case when not $11 and coalesce(p.daily_digest, false) then 'DIGEST' else 'PENDING' end, $4, $5, $6,
                                      replace(replace($7, $9, c.name), $10, coalesce(u.url, '')),
                                      replace(replace($8, $9, replace(replace(replace(replace(replace(c.name, '&', '&amp;'), '<', '&lt;'),
                                        '>', '&gt;'), '"', '&quot;'), '''', '&#39;')), $10, coalesce(u.url, '')),
                                      $4, $12, nullif(u.url, ''), $13
                                    from unnest($1::uuid[], $2::text[]) as u(id, url)
                                    join contact c on c.participant_id = u.id
                                    left join preference p on p.participant_id = u.id
                                    where c.email <> '' and ($11 or coalesce(p.announcements, true))
                                    on conflict (event_id, recipient_id) where event_id is not null do nothing""")
                                    .execute(mails))
                            .chain(() -> conn.preparedQuery("""
                                    update announcement set status = 'SENT', recipients = $2, dispatched_at = $3, version = version + 1
                                    where id = $1""").execute(Tuple.of(a.id, recipients.length, at)))
                            .chain(() -> conn.preparedQuery("select pg_notify('inbox', $1)").execute(Tuple.of(eventId)))
                            .invoke(() -> LOG.infof("Announcement %s delivered to %d people", a.id, recipients.length))
                            .replaceWithVoid();
                }));
    }

    private static Announcement announcement(Row row) {
        Announcement a = new Announcement();
        a.id = row.getUUID("id");
        a.programId = row.getUUID("program_id");
        a.subject = row.getString("subject");
        a.body = row.getString("body");
        a.trackId = row.getUUID("track_id");
        a.role = row.getString("role") == null ? null : Announcement.Role.valueOf(row.getString("role"));
        a.audienceStatus = row.getString("audience_status") == null ? null : Announcement.Status.valueOf(row.getString("audience_status"));
        a.essential = row.getBoolean("essential");
        a.sendAt = row.getOffsetDateTime("send_at").toInstant();
        return a;
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
