package dev.mentorship.notification.contact.service;

import dev.mentorship.runtime.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneOffset;

/** Organizers are known from their tokens: whoever calls with the organizer role gets organizer notices in the app. */
@ApplicationScoped
public class OrganizerSeen {

    private final Pool pool;
    private final Clock clock;

    public OrganizerSeen(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Void> remember(CurrentUser user) {
        if (!user.isOrganizer()) {
            return Uni.createFrom().voidItem();
        }
        // raw SQL: the organizer table is a read model of the bulk path (Directory reads it on the consumer's connection)
        // with no entity; one atomic upsert, so no transaction to declare
        return pool.preparedQuery("""
                        insert into organizer (participant_id, name, email, seen_at) values ($1, $2, $3, $4)
                        on conflict (participant_id) do update set name = excluded.name, email = excluded.email, seen_at = excluded.seen_at""")
                .execute(Tuple.of(user.id(), user.name(), user.email(), clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
