package dev.mentorship.notification.contact.service;

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
        return conn.preparedQuery("update membership set status = 'WITHDRAWN' where registration_id = $1")
                .execute(Tuple.of(withdrawn.registrationId())).replaceWithVoid();
    }

    public Uni<Void> onErased(SqlConnection conn, ParticipantErased erased) {
        return erase(conn, erased.participantId());
    }

    /** Both members' contacts, for people not known from participant events (yet). */
    public Uni<Void> onPairingCreated(SqlConnection conn, PairingCreated pairing, Instant now) {
        return memberContact(conn, pairing.mentor(), now).chain(() -> memberContact(conn, pairing.mentee(), now));
    }

    /**
     * Everything about a person goes: contact, memberships, preferences, their inbox and deliveries. Other people's
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
                    .chain(() -> conn.preparedQuery("delete from preference where participant_id = $1").execute(who))
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
                        insert into membership (registration_id, participant_id, program_id, track_id, role, status)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (registration_id) do update set status = excluded.status, role = excluded.role""")
                .execute(Tuple.of(registration.registrationId(), participantId, registration.programId(), registration.trackId(),
                        registration.role(), registration.status()))
                .replaceWithVoid();
    }

    /** Each track's name and first-contact date, and the program's own frontend if it names one. */
    public Uni<Void> onProgramPublished(SqlConnection conn, ProgramPublished program, Instant now) {
        // the program's own frontend, if it names one (an optional field: absent from older events)
        String announced = Links.webUrl(program.frontendUrl());
        String frontendUrl = announced != null && announced.length() <= 500 ? announced : null;
        Uni<Void> chain = Uni.createFrom().voidItem();
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
                    .addString(frontendUrl);
            chain = chain.chain(() -> conn.preparedQuery("""
                            insert into track_info (track_id, program_id, program_name, name, kind, first_contact_due, first_contact_on, updated_at,
                              frontend_url)
                            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                            on conflict (track_id) do update set name = excluded.name, program_name = excluded.program_name,
                              first_contact_due = excluded.first_contact_due, first_contact_on = excluded.first_contact_on,
                              updated_at = excluded.updated_at, frontend_url = excluded.frontend_url""").execute(values).replaceWithVoid());
        }
        return chain;
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

    public Uni<TrackInfo> track(SqlConnection conn, UUID trackId) {
        return conn.preparedQuery("select * from track_info where track_id = $1").execute(Tuple.of(trackId)).map(rows -> {
            for (Row row : rows) {
                OffsetDateTime due = row.getOffsetDateTime("first_contact_due");
                return new TrackInfo(trackId, row.getString("name"), row.getString("program_name"), row.getString("kind"),
                        due == null ? null : due.toInstant(), row.getString("first_contact_on"));
            }
            return null;
        });
    }

    public Uni<List<Person>> people(SqlConnection conn, List<UUID> ids) {
        return conn.preparedQuery("select * from contact where participant_id = any($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).map(Directory::people);
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
        return instant.atOffset(ZoneOffset.UTC);
    }
}
