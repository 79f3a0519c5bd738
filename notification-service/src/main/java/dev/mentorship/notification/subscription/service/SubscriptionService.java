package dev.mentorship.notification.subscription.service;

import dev.mentorship.notification.contact.service.Directory;
import dev.mentorship.notification.contact.service.Directory.ProgramRef;
import dev.mentorship.notification.subscription.ProgramSubscription;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The programs a person follows: follow (idempotent), unfollow, list. Only programs this service learnt of
 * (ProgramPublished) can be followed; someone it has no contact of yet (no registration so far) is written to with the
 * address and name of their token. Raw SQL on the reactive client, on the read models the fan-out reads too (the
 * application-deadline audience, {@link Directory#prospects}).
 */
@ApplicationScoped
public class SubscriptionService {

    private final Pool pool;
    private final Directory directory;
    private final Clock clock;

    public SubscriptionService(Pool pool, Directory directory, Clock clock) {
        this.pool = pool;
        this.directory = directory;
        this.clock = clock;
    }

    /** The subscription, and whether this call made it. */
    public record Followed(ProgramSubscription subscription, boolean created) {
    }

    /** The token's contact of the person, used only when this service knows no contact of them yet. */
    public record TokenContact(String name, String email) {
    }

    /** Follows the program; following it again changes nothing. 404 for a program this service does not know. */
    public Uni<Followed> follow(UUID person, UUID programId, TokenContact contact) {
        Instant now = clock.instant();
        return pool.withTransaction(conn -> known(conn, programId).chain(program -> conn.preparedQuery("""
                                insert into contact (participant_id, name, email, time_zone, updated_at) values ($1, $2, $3, 'UTC', $4)
                                on conflict (participant_id) do nothing""")
                        .execute(Tuple.of(person, cut(contact.name() == null || contact.name().isBlank() ? contact.email() : contact.name(), 200),
                                cut(contact.email(), 320), now.atOffset(ZoneOffset.UTC)))
                        .chain(() -> conn.preparedQuery("""
                                        insert into program_subscription (participant_id, program_id, created_at) values ($1, $2, $3)
                                        on conflict (participant_id, program_id) do nothing""")
                                .execute(Tuple.of(person, programId, now.atOffset(ZoneOffset.UTC))))
                        .chain(inserted -> conn.preparedQuery(
                                        "select created_at from program_subscription where participant_id = $1 and program_id = $2")
                                .execute(Tuple.of(person, programId))
                                .map(rows -> new Followed(new ProgramSubscription(programId, program.name(), program.conference(),
                                        rows.iterator().next().getOffsetDateTime("created_at").toInstant()), inserted.rowCount() == 1)))));
    }

    /** Stops following the program (nothing happens if the person did not follow it). 404 for an unknown program. */
    public Uni<Void> unfollow(UUID person, UUID programId) {
        return pool.withTransaction(conn -> known(conn, programId).chain(program -> conn.preparedQuery(
                        "delete from program_subscription where participant_id = $1 and program_id = $2")
                .execute(Tuple.of(person, programId)))).replaceWithVoid();
    }

    /** The person's subscription to the program; 404 when they do not follow it. */
    public Uni<ProgramSubscription> get(UUID person, UUID programId) {
        return pool.withConnection(conn -> conn.preparedQuery("""
                        select s.program_id, s.created_at, p.name, p.conference
                        from program_subscription s join program_info p on p.program_id = s.program_id
                        where s.participant_id = $1 and s.program_id = $2""").execute(Tuple.of(person, programId)).map(rows -> {
                    for (Row row : rows) {
                        return subscription(row);
                    }
                    throw ProblemException.notFound("You do not follow program " + programId + ".");
                }));
    }

    /** The programs the person follows, the latest followed first. */
    public Uni<Page<ProgramSubscription>> of(UUID person, int page, int size) {
        return pool.withConnection(conn -> conn.preparedQuery("select count(*) from program_subscription where participant_id = $1")
                .execute(Tuple.of(person)).chain(count -> {
                    long total = count.iterator().next().getLong(0);
                    return conn.preparedQuery("""
                                    select s.program_id, s.created_at, p.name, p.conference
                                    from program_subscription s join program_info p on p.program_id = s.program_id
                                    where s.participant_id = $1 order by s.created_at desc, s.program_id limit $2 offset $3""")
                            .execute(Tuple.of(person, (long) size, (long) page * size)).map(rows -> {
                                List<ProgramSubscription> items = new ArrayList<>();
                                for (Row row : rows) {
                                    items.add(subscription(row));
                                }
                                return new Page<>(items, page, size, total);
                            });
                }));
    }

    private static ProgramSubscription subscription(Row row) {
        return new ProgramSubscription(row.getUUID("program_id"), row.getString("name"), row.getString("conference"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private Uni<ProgramRef> known(SqlConnection conn, UUID programId) {
        return directory.program(conn, programId).onItem().ifNull().failWith(() -> ProblemException.notFound(
                "No program " + programId + " is known here: only a published program can be followed."));
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
