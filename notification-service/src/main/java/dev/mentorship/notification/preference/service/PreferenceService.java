package dev.mentorship.notification.preference.service;

import dev.mentorship.notification.contact.Person;
import dev.mentorship.notification.fanout.NotificationsConfig;
import dev.mentorship.notification.preference.EmailChoices;
import dev.mentorship.notification.preference.OptOut;
import dev.mentorship.notification.preference.Preference;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A person's email choices: read and set them (the preference API), and turn one kind off (the one-click unsubscribe
 * link of a mail). Pairing, registration and conduct notices always go by email; the inbox keeps every notice.
 */
@ApplicationScoped
public class PreferenceService {

    private final Pool pool;
    private final NotificationsConfig config;
    private final Clock clock;

    public PreferenceService(Pool pool, NotificationsConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    /** The person's choices; the defaults (everything by email, no digest) for someone who never chose. */
    @WithSession
    public Uni<Preference> of(UUID person) {
        return Preference.<Preference>findById(person).map(p -> p != null ? p : new Preference());
    }

    /** Saves the person's choices; returns them as saved. */
    @WithTransaction
    public Uni<Preference> choose(UUID person, EmailChoices choices, IfMatch ifMatch) {
        return Preference.<Preference>findById(person).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            Preference p = existing != null ? existing : new Preference();
            p.participantId = person;
            p.deadlines = choices.deadlines();
            p.meetings = choices.meetings();
            p.inactivity = choices.inactivity();
            p.dailyDigest = choices.dailyDigest();
            if (choices.programNews() != null) {
                p.programNews = choices.programNews();
            }
            if (choices.announcements() != null) {
                p.announcements = choices.announcements();
            }
            p.updatedAt = clock.instant();
            return existing != null ? Uni.createFrom().item(p) : p.<Preference>persist();
        });
    }

    /**
     * Turns the kind off for the person, keeping their other choices (a new person gets the defaults otherwise). Only
     * for a person this service knows (a contact, a member of a program's staff, a configured organizer address): the link of someone
     * whose data was erased stores nothing.
     */
    public Uni<Void> turnOff(UUID person, OptOut kind) {
        boolean all = kind == OptOut.ALL;
        boolean configuredOrganizer = config.organizerEmails().stream()
                .anyMatch(email -> !email.isBlank() && Person.configuredOrganizerId(email).equals(person));
        Tuple values = Tuple.tuple(List.of(person, !(all || kind == OptOut.DEADLINES), !(all || kind == OptOut.MEETINGS),
                !(all || kind == OptOut.INACTIVITY), clock.instant().atOffset(ZoneOffset.UTC), configuredOrganizer,
                !(all || kind == OptOut.PROGRAM_NEWS), !(all || kind == OptOut.ANNOUNCEMENTS)));
        // raw SQL: one atomic upsert (two clicks at once are fine, no row to lock first, so no transaction to declare)
        // that checks in the same statement whether the person is known, in the contact read model of the bulk path
        // (no entity) and the staff copy
        return pool.preparedQuery("""
                        insert into preference (participant_id, deadlines, meetings, inactivity, daily_digest, updated_at, program_news,
                          announcements)
                        select $1::uuid, $2::boolean, $3::boolean, $4::boolean, false, $5::timestamptz, $7::boolean, $8::boolean
                        where $6::boolean or exists (select 1 from contact where participant_id = $1)
                           or exists (select 1 from program_staff where person_id = $1)
                        on conflict (participant_id) do update set deadlines = preference.deadlines and excluded.deadlines,
                          meetings = preference.meetings and excluded.meetings, inactivity = preference.inactivity and excluded.inactivity,
                          program_news = preference.program_news and excluded.program_news,
                          announcements = preference.announcements and excluded.announcements, updated_at = excluded.updated_at, version = preference.version + 1""")
                .execute(values).replaceWithVoid();
    }
}
