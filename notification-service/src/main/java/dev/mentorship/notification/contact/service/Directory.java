package dev.mentorship.notification.contact.service;

import dev.mentorship.notification.contact.CodeOfConduct;
import dev.mentorship.notification.contact.Person;
import dev.mentorship.notification.contact.TrackInfo;
import dev.mentorship.notification.fanout.Links;
import dev.mentorship.notification.messaging.PairingEvents.Member;
import dev.mentorship.notification.messaging.PairingEvents.PairingCreated;
import dev.mentorship.notification.messaging.ParticipantEvents.Participant;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.notification.messaging.ParticipantEvents.Registration;
import dev.mentorship.notification.messaging.ProgramEvents.Milestone;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.notification.messaging.ProgramEvents.Track;
import dev.mentorship.runtime.staff.Grant;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What this service keeps from the events to address people: contacts, memberships (who is in which track and
 * role), track names and first-contact dates, organizers. Raw SQL on the consumer's connection, inside its
 * transaction, because this is the bulk path: a track's whole audience (tens of thousands of people) is one query
 * read into plain records, never into managed entities; these read models have no entities.
 */
@ApplicationScoped
public class Directory {

    public Uni<Void> onRegistered(SqlConnection conn, ParticipantRegistered registered, Instant now) {
        return contact(conn, registered.participantId(), registered.participant(), now)
                .chain(() -> membership(conn, registered.participantId(), registered.registration()));
    }

    public Uni<Void> onUpdated(SqlConnection conn, ParticipantUpdated updated, Instant now) {
        Uni<Void> chain = contact(conn, updated.participantId(), updated.participant(), now);
        for (Registration registration : updated.registrations()) {
            chain = chain.chain(() -> membership(conn, updated.participantId(), registration));
        }
        return chain;
    }

    public Uni<Void> onWithdrawn(SqlConnection conn, ParticipantWithdrawn withdrawn) {
        // a withdrawal ends a waiting too
        return conn.preparedQuery("update membership set status = 'WITHDRAWN' where registration_id = $1")
                .execute(Tuple.of(withdrawn.registrationId()))
                .chain(() -> conn.preparedQuery("""
                        delete from waitlist_entry w using membership m
                        where m.registration_id = $1 and w.track_id = m.track_id and w.participant_id = m.participant_id""")
                        .execute(Tuple.of(withdrawn.registrationId())))
                .replaceWithVoid();
    }

    /**
     * A pairing's members are matched in its track while it is on. Order-tolerant: a pairing already known as dissolved or
     * ended stays so; the mentee's waiting, if it began before this pairing, ends. {@code at}: the event's time.
     */
    public Uni<Void> onPaired(SqlConnection conn, PairingCreated pairing, Instant at) {
        Tuple values = Tuple.of(pairing.pairingId(), pairing.trackId(), pairing.mentor().participantId(), pairing.mentee().participantId(),
                utc(at));
        return conn.preparedQuery("""
                        insert into member_pairing (pairing_id, track_id, mentor_id, mentee_id, status, created_at, updated_at)
                        values ($1, $2, $3, $4, 'ACTIVE', $5, $5)
                        on conflict (pairing_id) do update set track_id = excluded.track_id, mentor_id = excluded.mentor_id,
                          mentee_id = excluded.mentee_id, created_at = excluded.created_at""").execute(values)
                .chain(() -> conn.preparedQuery("delete from waitlist_entry where track_id = $1 and participant_id = $2 and waitlisted_at <= $3")
                        .execute(Tuple.of(pairing.trackId(), pairing.mentee().participantId(), utc(at))))
                .replaceWithVoid();
    }

    /** A pairing dissolved (or ended, {@code ended}): its members are no longer matched by it, whichever event came first. */
    public Uni<Void> onUnpaired(SqlConnection conn, UUID pairingId, UUID trackId, UUID mentorId, UUID menteeId, boolean ended, Instant at) {
        Tuple values = Tuple.of(pairingId, trackId, mentorId, menteeId, ended ? "ENDED" : "DISSOLVED", utc(at));
        return conn.preparedQuery("""
                        insert into member_pairing (pairing_id, track_id, mentor_id, mentee_id, status, updated_at)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (pairing_id) do update set status = case when member_pairing.status = 'ACTIVE' then excluded.status
                            else member_pairing.status end,
                          track_id = coalesce(member_pairing.track_id, excluded.track_id), updated_at = excluded.updated_at""")
                .execute(values).replaceWithVoid();
    }

    /**
     * A mentee waits for a mentor in a track, unless a pairing of theirs there began after this waiting (events read out of
     * order). {@code at}: the event's time.
     */
    public Uni<Void> onWaitlisted(SqlConnection conn, UUID trackId, UUID menteeId, Instant at) {
        return conn.preparedQuery("""
                        insert into waitlist_entry (track_id, participant_id, waitlisted_at)
                        select $1, $2, $3 where not exists (select 1 from member_pairing p where p.track_id = $1 and p.mentee_id = $2
                          and p.created_at > $3)
                        on conflict (track_id, participant_id) do update set waitlisted_at = greatest(waitlist_entry.waitlisted_at,
                          excluded.waitlisted_at)""")
                .execute(Tuple.of(trackId, menteeId, utc(at))).replaceWithVoid();
    }

    public Uni<Void> onErased(SqlConnection conn, ParticipantErased erased) {
        return erase(conn, erased.participantId());
    }

    /** Both members' contacts, for people not known from participant events (yet). */
    public Uni<Void> onPairingCreated(SqlConnection conn, PairingCreated pairing, Instant now) {
        return memberContact(conn, pairing.mentor(), now).chain(() -> memberContact(conn, pairing.mentee(), now));
    }

    /**
     * Everything about a person goes: contact, memberships, preferences, the programs they follow, their inbox and
     * deliveries. Other people's
     * inbox entries and mails (queued or sent) that name them are redacted: their name and address are replaced.
     */
    public Uni<Void> erase(SqlConnection conn, UUID id) {
        Tuple who = Tuple.of(id);
        return conn.preparedQuery("select name, email from contact where participant_id = $1").execute(who).chain(rows -> {
            Map<String, String> redactions = new LinkedHashMap<>();
            for (Row row : rows) {
                String email = row.getString("email");
                String name = row.getString("name");
                if (email != null && !email.isBlank()) {
                    redactions.put(email, "[address removed]");
                }
                if (name != null && name.strip().length() >= 3) {
                    redactions.put(name, "a former participant");
                    redactions.put(htmlEscaped(name), "a former participant");
                }
            }
            Uni<Void> chain = conn.preparedQuery("delete from contact where participant_id = $1").execute(who)
                    .chain(() -> conn.preparedQuery("delete from membership where participant_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from waitlist_entry where participant_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from member_pairing where mentor_id = $1 or mentee_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from preference where participant_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from program_subscription where participant_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from notification where recipient_id = $1").execute(who))
                    .chain(() -> conn.preparedQuery("delete from email_delivery where recipient_id = $1").execute(who))
                    .replaceWithVoid();
            for (Map.Entry<String, String> redaction : redactions.entrySet()) {
                Tuple text = Tuple.of(redaction.getKey(), redaction.getValue());
                chain = chain.chain(() -> conn.preparedQuery("""
                                update notification set subject = replace(subject, $1, $2), body = replace(body, $1, $2)
                                where strpos(subject, $1) > 0 or strpos(body, $1) > 0""").execute(text))
                        .chain(() -> conn.preparedQuery("""
                                update email_delivery set subject = replace(subject, $1, $2), text_body = replace(text_body, $1, $2),
                                  html_body = replace(html_body, $1, $2), attachment = replace(attachment, $1, $2)
                                where strpos(subject, $1) > 0 or strpos(text_body, $1) > 0 or strpos(html_body, $1) > 0
                                   or strpos(attachment, $1) > 0""").execute(text))
                        .replaceWithVoid();
            }
            return chain;
        });
    }

    private Uni<Void> contact(SqlConnection conn, UUID id, Participant person, Instant now) {
        return conn.preparedQuery("""
                        insert into contact (participant_id, name, email, time_zone, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (participant_id) do update set name = excluded.name, email = excluded.email,
                          time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .execute(Tuple.of(id, person.name(), person.email(), person.timeZone(), utc(now)))
                .replaceWithVoid();
    }

    /** The contact a pairing event carries, for people not known from participant events (yet). */
    private Uni<Void> memberContact(SqlConnection conn, Member member, Instant now) {
        return conn.preparedQuery("""
                        insert into contact (participant_id, name, email, time_zone, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (participant_id) do nothing""")
                .execute(Tuple.of(member.participantId(), member.name(), member.email(), member.timeZoneOr("UTC"), utc(now)))
                .replaceWithVoid();
    }

    private Uni<Void> membership(SqlConnection conn, UUID participantId, Registration registration) {
        return conn.preparedQuery("""
                        insert into membership (registration_id, participant_id, program_id, track_id, role, status, late)
                        values ($1, $2, $3, $4, $5, $6, $7)
                        on conflict (registration_id) do update set status = excluded.status, role = excluded.role,
                          late = membership.late or excluded.late""")
                .execute(Tuple.of(registration.registrationId(), participantId, registration.programId(), registration.trackId(),
                        registration.role(), registration.status()).addBoolean(registration.late()))
                .replaceWithVoid();
    }

    /**
     * The program (its conference and when it starts, which orders a conference's editions), each track's name and
     * first-contact date, and the program's own frontend if it names one.
     */
    public Uni<Void> onProgramPublished(SqlConnection conn, ProgramPublished program, Instant now) {
        // the program's own frontend, if it names one (an optional field: absent from older events)
        String announced = Links.webUrl(program.frontendUrl());
        String frontendUrl = announced != null && announced.length() <= 500 ? announced : null;
        String conference = program.conference() == null || program.conference().isBlank() || program.conference().strip().length() > 200
                ? null : program.conference().strip();
        Tuple edition = Tuple.of(program.programId(), program.name(), conference, utc(program.startsAt(now)), utc(now));
        Uni<Void> chain = conn.preparedQuery("""
                        insert into program_info (program_id, name, conference, starts_at, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (program_id) do update set name = excluded.name, conference = excluded.conference,
                          starts_at = excluded.starts_at, updated_at = excluded.updated_at""").execute(edition).replaceWithVoid();
        for (Track track : program.tracks()) {
            Instant firstContact = null;
            String firstContactOn = null;
            for (Milestone m : track.milestones()) {
                if (Milestone.FIRST_CONTACT_DUE.equals(m.type())) {
                    firstContact = m.dueAt();
                    firstContactOn = m.localRendering();
                }
            }
            Tuple values = Tuple.tuple(List.of(track.trackId(), program.programId(), program.name(), track.name(), track.kind()));
            values.addOffsetDateTime(firstContact == null ? null : utc(firstContact)).addString(firstContactOn).addOffsetDateTime(utc(now))
                    .addString(frontendUrl)
                    // the track's key lines editions up in the program report (optional: none in older events; at most 64)
                    .addString(track.key() == null || track.key().isBlank() || track.key().length() > 64 ? null : track.key());
            chain = chain.chain(() -> conn.preparedQuery("""
                            insert into track_info (track_id, program_id, program_name, name, kind, first_contact_due, first_contact_on, updated_at,
                              frontend_url, track_key)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                            on conflict (track_id) do update set name = excluded.name, program_name = excluded.program_name,
                              first_contact_due = excluded.first_contact_due, first_contact_on = excluded.first_contact_on,
                              updated_at = excluded.updated_at, frontend_url = excluded.frontend_url,
                              track_key = coalesce(excluded.track_key, track_info.track_key)""").execute(values).replaceWithVoid())
                    .chain(() -> trackFacts(conn, track));
        }
        return chain.chain(() -> codeOfConduct(conn, program));
    }

    /** The program's code of conduct, kept with each of its tracks (an event without one clears nothing but the URL and contact). */
    private Uni<Void> codeOfConduct(SqlConnection conn, ProgramPublished program) {
        var conduct = program.codeOfConduct();
        if (conduct == null) {
            return Uni.createFrom().voidItem();
        }
        // an address mails go to: one plain address or none (schedule-service checks it; this side does not trust it)
        String reportContact = conduct.reportContact() == null || conduct.reportContact().strip().length() > 320
                || !conduct.reportContact().strip().matches("[^\\s@,;:<>\"()\\[\\]\\\\]+@[^\\s@,;:<>\"()\\[\\]\\\\]+\\.[^\\s@,;:<>\"()\\[\\]\\\\]+")
                ? null : conduct.reportContact().strip();
        String url = Links.webUrl(conduct.url());
        Tuple values = Tuple.of(program.programId(), cut(conduct.title(), 200), cut(conduct.version(), 64),
                url != null && url.length() <= 500 ? conduct.url().strip() : null, reportContact);
        return conn.preparedQuery("""
                        update track_info set code_of_conduct_title = $2, code_of_conduct_version = $3, code_of_conduct_url = $4,
                          conduct_report_contact = $5 where program_id = $1""").execute(values).replaceWithVoid();
    }

    private static String cut(String text, int length) {
        return text == null || text.isBlank() ? null : text.strip().length() <= length ? text.strip() : text.strip().substring(0, length);
    }

    /** The program's code of conduct as ProgramPublished announced it, or null: the program is not known, or named none. */
    public Uni<CodeOfConduct> codeOfConduct(SqlConnection conn, UUID programId) {
        if (programId == null) {
            return Uni.createFrom().nullItem();
        }
        return conn.preparedQuery("""
                        select code_of_conduct_title, code_of_conduct_version, code_of_conduct_url, conduct_report_contact
                        from track_info where program_id = $1 and code_of_conduct_title is not null limit 1""")
                .execute(Tuple.of(programId)).map(rows -> {
                    for (Row row : rows) {
                        return new CodeOfConduct(row.getString("code_of_conduct_title"), row.getString("code_of_conduct_version"),
                                row.getString("code_of_conduct_url"), row.getString("conduct_report_contact"));
                    }
                    return null;
                });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .findAndRegisterModules();

    /** What messages say about the track: its milestones, registration window and the end of its pairings. */
    private Uni<Void> trackFacts(SqlConnection conn, Track track) {
        List<TrackInfo.Step> steps = track.milestones().stream()
                .map(m -> new TrackInfo.Step(m.type(), m.key(), m.name(), m.dueAt(), m.endsAt(), m.localRendering())).toList();
        String milestones = json(steps);
        var registration = track.registration();
        Tuple values = Tuple.of(track.trackId(), milestones);
        values.addOffsetDateTime(registration == null || registration.applicationDeadline() == null ? null : utc(registration.applicationDeadline()))
                .addOffsetDateTime(registration == null || registration.closesAt() == null ? null : utc(registration.closesAt()))
                .addBoolean(registration != null && Boolean.TRUE.equals(registration.rolling()))
                .addOffsetDateTime(track.pairingsEnd() == null ? null : utc(track.pairingsEnd().endsAt()));
        return conn.preparedQuery("""
                        update track_info set milestones = $2, application_deadline = $3, registration_closes_at = $4, rolling = $5,
                          pairings_end_at = $6 where track_id = $1""").execute(values).replaceWithVoid();
    }

    /**
     * A milestone moved: what messages say about its track follows (its date among the track's milestones; the
     * application deadline and, on a track that is not rolling, the close of registration; the first-contact date;
     * the end of the pairings).
     */
    public Uni<Void> onMilestoneRescheduled(SqlConnection conn, MilestoneRescheduled moved) {
        return track(conn, moved.trackId()).chain(track -> {
            if (track == null) {
                return Uni.createFrom().voidItem();
            }
            Instant due = moved.current().dueAt();
            String rendering = moved.current().localRendering();
            List<TrackInfo.Step> steps = track.milestones().stream()
                    .map(step -> moved.milestoneKey() != null && moved.milestoneKey().equals(step.key())
                            ? new TrackInfo.Step(step.type(), step.key(), step.name(), due,
                            moved.current().endsAt() != null ? moved.current().endsAt() : step.endsAt(), rendering)
                            : step).toList();
            boolean application = "APPLICATION_DEADLINE".equals(moved.milestoneType());
            boolean firstContact = Milestone.FIRST_CONTACT_DUE.equals(moved.milestoneType());
            String milestones = json(steps);
            Tuple values = Tuple.of(track.trackId(), milestones);
            values.addOffsetDateTime(utc(application ? due : track.applicationDeadline()))
                    .addOffsetDateTime(utc(application && !track.rolling() ? due : track.registrationClosesAt()))
                    .addOffsetDateTime(utc(firstContact ? due : track.firstContactDue()))
                    .addString(firstContact ? rendering : track.firstContactOn())
                    .addOffsetDateTime(utc(moved.pairingsEndAt() != null ? moved.pairingsEndAt() : track.pairingsEndAt()));
            return conn.preparedQuery("""
                            update track_info set milestones = $2, application_deadline = $3, registration_closes_at = $4,
                              first_contact_due = $5, first_contact_on = $6, pairings_end_at = $7 where track_id = $1""")
                    .execute(values).replaceWithVoid();
        });
    }

    /** The frontend a program named for itself (ProgramPublished's frontendUrl), or null: none, or the program is not known. */
    public Uni<String> frontendUrl(SqlConnection conn, UUID programId) {
        return conn.preparedQuery("select frontend_url from track_info where program_id = $1 and frontend_url is not null limit 1")
                .execute(Tuple.of(programId)).map(rows -> {
                    for (Row row : rows) {
                        return row.getString("frontend_url");
                    }
                    return null;
                });
    }

    /** A track's milestones as stored in {@code track_info.milestones}. */
    private static String json(List<TrackInfo.Step> steps) {
        try {
            return JSON.writeValueAsString(steps);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TrackInfo.Step> steps(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, TrackInfo.Step[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    public Uni<TrackInfo> track(SqlConnection conn, UUID trackId) {
        return conn.preparedQuery("select * from track_info where track_id = $1").execute(Tuple.of(trackId)).map(rows -> {
            for (Row row : rows) {
                OffsetDateTime due = row.getOffsetDateTime("first_contact_due");
                return new TrackInfo(trackId, row.getString("name"), row.getString("program_name"), row.getString("kind"),
                        due == null ? null : due.toInstant(), row.getString("first_contact_on"), steps(row.getString("milestones")),
                        instant(row, "application_deadline"), instant(row, "registration_closes_at"),
                        Boolean.TRUE.equals(row.getBoolean("rolling")), instant(row, "pairings_end_at"));
            }
            return null;
        });
    }

    public Uni<List<Person>> people(SqlConnection conn, List<UUID> ids) {
        return conn.preparedQuery("select * from contact where participant_id = any($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).map(Directory::people);
    }

    /** A program this service knows (from ProgramPublished): its name and conference (null: none known). */
    public record ProgramRef(UUID programId, String name, String conference) {
    }

    /** The program, or null when no ProgramPublished told of it. */
    public Uni<ProgramRef> program(SqlConnection conn, UUID programId) {
        return conn.preparedQuery("select name, conference from program_info where program_id = $1").execute(Tuple.of(programId))
                .map(rows -> {
                    for (Row row : rows) {
                        return new ProgramRef(programId, row.getString("name"), row.getString("conference"));
                    }
                    return null;
                });
    }

    /**
     * A reader of an application-deadline reminder who has not applied: they follow the program ({@code follows}),
     * and/or took part in an earlier edition of its conference ({@code pastEdition}: the latest such program's name,
     * else null).
     */
    public record Prospect(Person person, boolean follows, String pastEdition) {
    }

    /**
     * Who may still apply to a track, in one query: the program's followers and the past participants of its
     * conference (everyone active in a program of the same conference that starts earlier), each once; minus those who
     * turned program news off, and minus those already active in the track in one of these roles (for a deadline of
     * both roles: registered in the track in either). {@code programId} null: the track's program.
     */
    public Uni<List<Prospect>> prospects(SqlConnection conn, UUID programId, UUID trackId, List<String> roles) {
        return conn.preparedQuery("""
                        with this as (
                          select p.program_id, p.conference, p.starts_at from program_info p
                          where p.program_id = coalesce($1::uuid, (select t.program_id from track_info t where t.track_id = $2))
                        ), followers as (
                          select s.participant_id from program_subscription s join this on s.program_id = this.program_id
                        ), past as (
                          select distinct on (m.participant_id) m.participant_id, e.name as edition
                          from this join program_info e on e.conference = this.conference and e.starts_at < this.starts_at
                            and e.program_id <> this.program_id
                          join membership m on m.program_id = e.program_id and m.status = 'ACTIVE'
                          order by m.participant_id, e.starts_at desc
                        ), readers as (
                          select coalesce(f.participant_id, p.participant_id) as participant_id, f.participant_id is not null as follows,
                            p.edition
                          from followers f full join past p on p.participant_id = f.participant_id
                        )
                        select c.*, r.follows, r.edition from readers r join contact c on c.participant_id = r.participant_id
                        where not exists (select 1 from preference pr where pr.participant_id = r.participant_id and not pr.program_news)
                          and not exists (select 1 from membership m where m.participant_id = r.participant_id and m.track_id = $2
                            and m.status = 'ACTIVE' and m.role = any($3))""")
                .execute(Tuple.of(programId, trackId, roles.toArray(new String[0]))).map(rows -> {
                    List<Prospect> prospects = new ArrayList<>();
                    for (Row row : rows) {
                        prospects.add(new Prospect(new Person(row.getUUID("participant_id"), row.getString("name"), row.getString("email"),
                                row.getString("time_zone")), row.getBoolean("follows"), row.getString("edition")));
                    }
                    return prospects;
                });
    }

    /** Everyone active in a track in one of these roles. */
    public Uni<List<Person>> audience(SqlConnection conn, UUID trackId, List<String> roles) {
        return conn.preparedQuery("""
                        select distinct c.* from membership m join contact c on c.participant_id = m.participant_id
                        where m.track_id = $1 and m.status = 'ACTIVE' and m.role = any($2)""")
                .execute(Tuple.of(trackId, roles.toArray(new String[0]))).map(Directory::people);
    }

    /**
     * The program's staff who hold {@code grant} (the staff copy of service-runtime, from schedule-service); where there
     * are none (a program without such staff, or no program), the configured addresses (ORGANIZER_EMAILS: the
     * platform's operators), so that no notice is lost.
     */
    public Uni<List<Person>> staff(SqlConnection conn, UUID programId, Grant grant, List<String> configured) {
        return conn.preparedQuery("""
                        select person_id as participant_id, name, email, 'UTC' as time_zone from program_staff
                        where program_id = $1 and grants like $2 order by name, person_id""")
                .execute(Tuple.of(programId, "%\"" + grant.name() + "\"%")).map(rows -> {
                    List<Person> people = people(rows);
                    if (people.isEmpty()) {
                        for (String email : configured) {
                            if (!email.isBlank()) {
                                people.add(new Person(Person.configuredOrganizerId(email), "organizer", email.strip(), "UTC"));
                            }
                        }
                    }
                    return people;
                });
    }

    /** As the mail templates (Qute) escape text in HTML. */
    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static List<Person> people(Iterable<Row> rows) {
        List<Person> people = new ArrayList<>();
        for (Row row : rows) {
            people.add(new Person(row.getUUID("participant_id"), row.getString("name"), row.getString("email"), row.getString("time_zone")));
        }
        return people;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
