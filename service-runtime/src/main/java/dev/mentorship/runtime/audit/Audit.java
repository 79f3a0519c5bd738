package dev.mentorship.runtime.audit;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.runtime.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log's pen: every organizer and admin command, every read of confidential data or conduct reports and every
 * export is recorded through here, in the outbox of the transaction that does it (AuditRecorded on the internal topic
 * mentorship.audit), so that no command commits without its record. schedule-service keeps each program's log.
 */
@RequestScoped
public class Audit {

    /** What a command did, for the log: its program, action, the object it acted on, and before and after. */
    public record Entry(UUID programId, String action, Object subject, Object before, Object after) {
        public static Entry of(UUID programId, String action, Object subject) {
            return new Entry(programId, action, subject, null, null);
        }
    }

    private final Outbox outbox;
    private final CurrentUser user;
    private final Clock clock;
    private final String service;

    public Audit(Outbox outbox, CurrentUser user, Clock clock, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.user = user;
        this.clock = clock;
        this.service = service;
    }

    /**
     * Runs a command and records what it did, in one transaction (the command's service method joins it): the change
     * and its record commit together or not at all.
     */
    public <T> Uni<T> command(Supplier<Uni<T>> command, Function<T, Entry> describe) {
        return Panache.withTransaction(() -> command.get().call(result -> append(describe.apply(result))));
    }

    /** Records a read of confidential data or conduct reports, or an export, once it was served. */
    public Uni<Void> read(UUID programId, String action, Object subject) {
        return Panache.withTransaction(() -> append(Entry.of(programId, action, subject)));
    }

    private Uni<Void> append(Entry entry) {
        AuditRecorded record = new AuditRecorded(UUID.randomUUID(), entry.programId(), clock.instant(), user.id(),
                user.name(), service, entry.action(), entry.subject() == null ? null : entry.subject().toString(),
                json(entry.before()), json(entry.after()));
        String key = entry.programId().toString();
        // ephemeral: the outbox keeps no copy once it is published (the log is schedule-service's)
        return outbox.append(AuditRecorded.TOPIC, AuditRecorded.TYPE, AuditRecorded.VERSION, key, key, record, true)
                .replaceWithVoid();
    }

    private static String json(Object value) {
        return value == null ? null : value instanceof String text ? text : JsonText.write(value);
    }
}
