package dev.mentorship.notification.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.notification.fanout.Links;
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
import java.util.UUID;

/**
 * What this service keeps from the events to address people: contacts, memberships (who is in which track and
 * role), track names and first-contact dates, organizers. Plain SQL on the consumer's connection, inside its
 * transaction: a track's whole audience is one query.
 */
@ApplicationScoped
public class Directory {

    /** A person to write to. */
    public record Person(UUID id, String name, String email, String timeZone) {
    }

    /** A track's name and what its members need to know next. */
    public record TrackInfo(UUID trackId, String name, String programName, String kind, Instant firstContactDue, String firstContactOn) {
    }

    public Uni<Void> apply(SqlConnection conn, String type, JsonNode data, Instant now) {
        return switch (type) {
            case "ParticipantRegistered" -> contact(conn, data.get("participantId"), data.get("participant"), now)
                    .chain(() -> membership(conn, data.get("participantId"), data.get("registration")));
            case "ParticipantUpdated" -> {
                Uni<Void> chain = contact(conn, data.get("participantId"), data.get("participant"), now);
                for (JsonNode registration : data.path("registrations")) {
                    chain = chain.chain(() -> membership(conn, data.get("participantId"), registration));
                }
                yield chain;
            }
            case "ParticipantWithdrawn" -> conn.preparedQuery("update membership set status = 'WITHDRAWN' where registration_id = $1")
                    .execute(Tuple.of(UUID.fromString(data.get("registrationId").asText()))).replaceWithVoid();
            case "ParticipantErased" -> erase(conn, UUID.fromString(data.get("participantId").asText()));
            case "ProgramPublished" -> tracks(conn, data, now);
            case "PairingCreated" -> memberContact(conn, data.get("mentor"), now).chain(() -> memberContact(conn, data.get("mentee"), now));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Everything about a person goes: contact, memberships, preferences, inbox, deliveries. */
    public Uni<Void> erase(SqlConnection conn, UUID id) {
        Tuple who = Tuple.of(id);
        return conn.preparedQuery("delete from contact where participant_id = $1").execute(who)
                .chain(() -> conn.preparedQuery("delete from membership where participant_id = $1").execute(who))
                .chain(() -> conn.preparedQuery("delete from preference where participant_id = $1").execute(who))
                .chain(() -> conn.preparedQuery("delete from organizer where participant_id = $1").execute(who))
                .chain(() -> conn.preparedQuery("delete from notification where recipient_id = $1").execute(who))
                .chain(() -> conn.preparedQuery("delete from email_delivery where recipient_id = $1").execute(who))
                .replaceWithVoid();
    }

    private Uni<Void> contact(SqlConnection conn, JsonNode id, JsonNode person, Instant now) {
        return conn.preparedQuery("""
                        insert into contact (participant_id, name, email, time_zone, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (participant_id) do update set name = excluded.name, email = excluded.email,
                          time_zone = excluded.time_zone, updated_at = excluded.updated_at""")
                .execute(Tuple.of(UUID.fromString(id.asText()), person.get("name").asText(), person.get("email").asText(),
                        person.get("timeZone").asText(), utc(now)))
                .replaceWithVoid();
    }

    /** The contact a pairing event carries, for people not known from participant events (yet). */
    private Uni<Void> memberContact(SqlConnection conn, JsonNode member, Instant now) {
        return conn.preparedQuery("""
                        insert into contact (participant_id, name, email, time_zone, updated_at) values ($1, $2, $3, $4, $5)
                        on conflict (participant_id) do nothing""")
                .execute(Tuple.of(UUID.fromString(member.get("participantId").asText()), member.get("name").asText(),
                        member.get("email").asText(), member.path("timeZone").asText("UTC"), utc(now)))
                .replaceWithVoid();
    }

    private Uni<Void> membership(SqlConnection conn, JsonNode participantId, JsonNode registration) {
        return conn.preparedQuery("""
                        insert into membership (registration_id, participant_id, program_id, track_id, role, status)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (registration_id) do update set status = excluded.status, role = excluded.role""")
                .execute(Tuple.of(UUID.fromString(registration.get("registrationId").asText()), UUID.fromString(participantId.asText()),
                        UUID.fromString(registration.get("programId").asText()), UUID.fromString(registration.get("trackId").asText()),
                        registration.get("role").asText(), registration.path("status").asText("ACTIVE")))
                .replaceWithVoid();
    }

    private Uni<Void> tracks(SqlConnection conn, JsonNode program, Instant now) {
        // the program's own frontend, if it names one (an optional field: absent from older events)
        String announced = program.path("frontendUrl").isTextual() ? Links.webUrl(program.get("frontendUrl").asText()) : null;
        String frontendUrl = announced != null && announced.length() <= 500 ? announced : null;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode track : program.path("tracks")) {
            Instant firstContact = null;
            String firstContactOn = null;
            for (JsonNode m : track.path("milestones")) {
                if ("FIRST_CONTACT_DUE".equals(m.path("type").asText())) {
                    firstContact = Instant.parse(m.get("dueAt").asText());
                    firstContactOn = m.path("localRendering").asText(null);
                }
            }
            Tuple values = Tuple.tuple(List.of(UUID.fromString(track.get("trackId").asText()),
                    UUID.fromString(program.get("programId").asText()), program.get("name").asText(), track.get("name").asText(),
                    track.get("kind").asText()));
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

    /** Organizers who signed in here, and the configured organizer addresses (email only). */
    public Uni<List<Person>> organizers(SqlConnection conn, List<String> configured) {
        return conn.query("select participant_id, name, email, 'UTC' as time_zone from organizer").execute().map(rows -> {
            List<Person> people = people(rows);
            for (String email : configured) {
                if (!email.isBlank() && people.stream().noneMatch(p -> p.email().equalsIgnoreCase(email.strip()))) {
                    people.add(new Person(configuredOrganizerId(email), "organizer", email.strip(), "UTC"));
                }
            }
            return people;
        });
    }

    /** The id under which an organizer known only by a configured address (ORGANIZER_EMAILS) gets notices. */
    public static UUID configuredOrganizerId(String email) {
        return UUID.nameUUIDFromBytes(("organizer:" + email.strip().toLowerCase()).getBytes());
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
