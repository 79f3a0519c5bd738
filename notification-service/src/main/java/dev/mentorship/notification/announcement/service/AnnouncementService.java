package dev.mentorship.notification.announcement.service;

import dev.mentorship.notification.announcement.Announcement;
import dev.mentorship.notification.announcement.AnnouncementInput;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.Renderer;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem;
import dev.mentorship.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announcements of a program: write one (now or later), preview it, list them, read one with its delivery report, cancel
 * one not sent yet. The entity is Panache's (in the caller's transaction, which the audit record joins); audiences are
 * counted and reports read with raw SQL over the bulk path's tables (no entities there).
 */
@ApplicationScoped
public class AnnouncementService {

    /** How far in the past a sendAt may be (clocks differ a little): earlier is refused. */
    static final Duration SKEW = Duration.ofMinutes(5);
    static final Duration HORIZON = Duration.ofDays(366);

    private final Pool pool;
    private final AnnouncementMail mail;
    private final Clock clock;

    public AnnouncementService(Pool pool, AnnouncementMail mail, Clock clock) {
        this.pool = pool;
        this.mail = mail;
        this.clock = clock;
    }

    /** A delivery report: whom it reached and how its mails fare. */
    public record Report(int recipients, long inbox, long mailed, long sent, long failed, long queued, long inDigest,
                         @Schema(description = "people reached in the inbox only because they turned announcements off (0 for an "
                                 + "essential one)") long skippedByPreference,
                         @Schema(description = "people reached in the inbox only because this service has no email address of theirs")
                         long withoutEmail) {
    }

    /** The rendered mail for a sample reader of the audience (the first by name; a stand-in when nobody is in it) and the count. */
    public record Preview(int recipients, String sampleRecipient, String subject, String text, String html,
                          @Schema(description = "set when the count may miss people: the statuses LATE, MATCHED and WAITLISTED are "
                                  + "known only from events read since this service learnt them (an upgrade mid-season)") String note) {
    }

    /** A cancel's outcome: the announcement, and whether this call cancelled it (false: it was cancelled already). */
    public record Cancelled(Announcement announcement, boolean changed) {
    }

    /** Refuses an audience or time this service cannot honour: a track of another program, a time in the past or too far. */
    public Uni<Void> check(UUID programId, AnnouncementInput input) {
        Instant now = clock.instant();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!plainText(input.body())) {
            errors.add(new Problem.FieldError("body", "must be plain text: no control characters other than line breaks and tabs, "
                    + "no text-direction overrides"));
        }
        if (input.audience().status() == Announcement.Status.WAITLISTED && input.audience().role() == Announcement.Role.MENTOR) {
            errors.add(new Problem.FieldError("audience.status", "only mentees wait for a mentor: WAITLISTED goes with the role MENTEE or none"));
        }
        if (input.sendAt() != null && input.sendAt().isBefore(now.minus(SKEW))) {
            errors.add(new Problem.FieldError("sendAt", "is in the past: leave it out to send now, or give a time to come"));
        }
        if (input.sendAt() != null && input.sendAt().isAfter(now.plus(HORIZON))) {
            errors.add(new Problem.FieldError("sendAt", "is more than a year ahead"));
        }
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(new InvalidRequestException(errors));
        }
        UUID trackId = input.audience().trackId();
        if (trackId == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("select 1 from track_info where track_id = $1 and program_id = $2").execute(Tuple.of(trackId, programId))
                .chain(rows -> rows.size() > 0 ? Uni.createFrom().voidItem() : fail("audience.trackId", "is not a track of this program"));
    }

    /** Plain text: no control characters but line breaks and tabs, no text-direction overrides (as single lines forbid). */
    static boolean plainText(String body) {
        return body == null || body.chars().noneMatch(c -> c != '\n' && c != '\r' && c != '\t' && (c < 0x20 || c == 0x7F
                || c >= 0x80 && c <= 0x9F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069));
    }

    private static Uni<Void> fail(String field, String detail) {
        return Uni.createFrom().failure(new InvalidRequestException(List.of(new Problem.FieldError(field, detail))));
    }

    /** How many people the audience holds now. */
    public Uni<Integer> count(UUID programId, Announcement.Audience audience) {
        return pool.preparedQuery("select count(*) as n from (" + AudienceQuery.ids(audience) + ") r")
                .execute(AudienceQuery.params(programId, audience)).map(rows -> rows.iterator().next().getLong("n").intValue());
    }

    public Uni<Preview> preview(UUID programId, AnnouncementInput input, UUID author) {
        Announcement a = draft(programId, input, author, clock.instant());
        return note(a.audience()).chain(note -> count(programId, a.audience()).chain(count -> pool.preparedQuery("select c.participant_id, c.name, c.email from ("
                        + AudienceQuery.ids(a.audience()) + ") r join contact c on c.participant_id = r.participant_id order by c.name, c.participant_id limit 1")
                .execute(AudienceQuery.params(programId, a.audience()))
                .chain(rows -> pool.withConnection(conn -> mail.context(conn, programId, a.trackId)).map(context -> {
                    Row sample = rows.size() == 0 ? null : rows.iterator().next();
                    String name = sample == null ? "Alex Example" : sample.getString("name");
                    String email = sample == null ? "alex@example.org" : sample.getString("email");
                    // never a real person's unsubscribe link: whoever holds one turns their mail off
                    Message m = mail.message(a, context, new UUID(0, 0), email, name);
                    Renderer.Rendered r = mail.render(a, context, m);
                    return new Preview(count, name + " <" + email + ">", r.subject(), r.text(), r.html(), note);
                }))));
    }

    /**
     * For an audience by LATE, MATCHED or WAITLISTED, where this service read events before it learnt these statuses
     * (V14's status_knowledge): that the count may miss people, and since when statuses are known. Otherwise null.
     */
    Uni<String> note(Announcement.Audience audience) {
        if (audience.status() == null || audience.status() == Announcement.Status.WITHDRAWN) {
            return Uni.createFrom().nullItem();
        }
        return pool.query("select since, events_before from status_knowledge limit 1").execute().map(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null || !row.getBoolean("events_before")) {
                return null;
            }
            return "This service knows who registered late, who is paired and who waits only from the events it read since "
                    + row.getOffsetDateTime("since").toInstant() + " (when it was upgraded to keep them): people whose "
                    + "registration, pairing or waiting was told before then are missing from this audience unless an operator "
                    + "filled them in (README, Announcements, Upgrading).";
        });
    }

    /** Stores a new announcement, due at its sendAt (now if none); call inside a transaction. */
    public Uni<Announcement> create(UUID programId, AnnouncementInput input, UUID author) {
        return draft(programId, input, author, clock.instant()).persist();
    }

    private static Announcement draft(UUID programId, AnnouncementInput input, UUID author, Instant now) {
        Announcement a = new Announcement();
        a.id = UUID.randomUUID();
        a.programId = programId;
        a.subject = input.subject().strip();
        a.body = input.body().strip();
        a.trackId = input.audience().trackId();
        a.role = input.audience().role();
        a.audienceStatus = input.audience().status();
        a.essential = input.essentialOrFalse();
        a.sendAt = input.sendAt() == null || input.sendAt().isBefore(now) ? now : input.sendAt();
        a.status = Announcement.Stored.SCHEDULED;
        a.createdBy = author;
        a.createdAt = now;
        return a;
    }

    @WithSession
    public Uni<Page<Announcement>> list(UUID programId, int page, int size) {
        return Page.of(Announcement.ofProgram(programId), page, size);
    }

    /** One of the program's announcements; 404 for any other id. */
    @WithSession
    public Uni<Announcement> get(UUID programId, UUID id) {
        return Announcement.<Announcement>findById(id).map(a -> {
            if (a == null || !a.programId.equals(programId)) {
                throw ProblemException.notFound("There is no announcement " + id + " in this program.");
            }
            return a;
        });
    }

    /**
     * Cancels a scheduled announcement (inside the caller's transaction): one conditional update, which waits for a
     * delivery in progress and then finds it sent (409). Cancelling a cancelled one again changes nothing.
     */
    public Uni<Cancelled> cancel(UUID programId, UUID id) {
        Instant now = clock.instant();
        return Announcement.update("status = ?1, cancelledAt = ?2, version = version + 1 where id = ?3 and programId = ?4 and status = ?5",
                        Announcement.Stored.CANCELLED, now, id, programId, Announcement.Stored.SCHEDULED)
                .chain(updated -> Announcement.<Announcement>findById(id).map(a -> {
                    if (a == null || !a.programId.equals(programId)) {
                        throw ProblemException.notFound("There is no announcement " + id + " in this program.");
                    }
                    if (a.status == Announcement.Stored.SENT) {
                        throw ProblemException.conflict("The announcement " + id + " is sent already (" + a.recipients
                                + " recipients): it can no longer be cancelled.");
                    }
                    return new Cancelled(a, updated > 0);
                }));
    }

    /** The delivery reports of these announcements (the sent ones; a scheduled or cancelled one has none). */
    public Uni<Map<UUID, Report>> reports(List<Announcement> announcements) {
        List<Announcement> sent = announcements.stream().filter(a -> a.status == Announcement.Stored.SENT).toList();
        if (sent.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] events = sent.stream().map(Announcement::eventId).toArray(String[]::new);
        Boolean[] essential = sent.stream().map(a -> a.essential).toArray(Boolean[]::new);
        return pool.preparedQuery("""
                        select e.event_id,
                          (select count(*) from notification n where n.event_id = e.event_id) as inbox,
                          count(d.id) as mailed,
                          count(d.id) filter (where d.status = 'SENT') as sent,
                          count(d.id) filter (where d.status = 'FAILED') as failed,
                          count(d.id) filter (where d.status in ('PENDING', 'SENDING')) as queued,
                          count(d.id) filter (where d.status in ('DIGEST', 'DIGESTED')) as in_digest,
                          (select count(*) from notification n join contact c on c.participant_id = n.recipient_id
                            join preference p on p.participant_id = n.recipient_id
                            where n.event_id = e.event_id and c.email <> '' and not p.announcements and not e.essential
                            and not exists (select 1 from email_delivery m where m.event_id = e.event_id and m.recipient_id = n.recipient_id))
                            as skipped,
                          (select count(*) from notification n left join contact c on c.participant_id = n.recipient_id
                            where n.event_id = e.event_id and coalesce(c.email, '') = ''
                            and not exists (select 1 from email_delivery m where m.event_id = e.event_id and m.recipient_id = n.recipient_id))
                            as without_email
                        from unnest($1::text[], $2::boolean[]) as e(event_id, essential) left join email_delivery d on d.event_id = e.event_id
                        group by e.event_id, e.essential""")
                .execute(Tuple.of(events, essential)).map(rows -> {
                    Map<String, Row> byEvent = new HashMap<>();
                    Map<UUID, Report> reports = new HashMap<>();
                    for (Row row : rows) {
                        byEvent.put(row.getString("event_id"), row);
                    }
                    for (Announcement a : sent) {
                        Row r = byEvent.get(a.eventId());
                        int recipients = a.recipients == null ? 0 : a.recipients;
                        long mailed = r.getLong("mailed");
                        reports.put(a.id, new Report(recipients, r.getLong("inbox"), mailed, r.getLong("sent"), r.getLong("failed"),
                                r.getLong("queued"), r.getLong("in_digest"), r.getLong("skipped"), r.getLong("without_email")));
                    }
                    return reports;
                });
    }
}
