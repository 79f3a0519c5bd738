package dev.mentorship.schedule.audit.service;

import dev.mentorship.runtime.audit.AuditRecorded;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.schedule.audit.AuditEntry;
import dev.mentorship.schedule.audit.ErasedPerson;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Each program's audit log, from every service's AuditRecorded (internal topic mentorship.audit). Entries are only ever
 * added; erasure replaces the person's id with a stable pseudonym (an HMAC of the id under AUDIT_PSEUDONYM_KEY: the
 * same person always gets the same pseudonym, and nobody without the key can tell whose it is) and drops their name.
 */
@ApplicationScoped
public class AuditLog {

    static final int MIN_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final Clock clock;

    public AuditLog(@ConfigProperty(name = "mentorship.audit.pseudonym-key") String key, Clock clock) {
        this.clock = clock;
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("AUDIT_PSEUDONYM_KEY (mentorship.audit.pseudonym-key) must be set to a secret of at least "
                    + MIN_KEY_LENGTH + " characters: erasure pseudonymises people in the audit log with it");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    void checkAtStartup(@Observes StartupEvent startup) {
        // the constructor checked the key
    }

    /**
     * Keeps one entry (the consumer's transaction); a redelivered one is there already. One of a person who erased
     * their data meanwhile (the erasure came first on its own topic) is stored under their pseudonym.
     */
    public Uni<Void> onRecorded(AuditRecorded r) {
        String pseudonym = pseudonym(r.actorId());
        return AuditEntry.<AuditEntry>findById(r.entryId()).chain(known -> known != null ? Uni.createFrom().voidItem()
                : ErasedPerson.<ErasedPerson>findById(pseudonym).chain(erased -> {
            AuditEntry entry = new AuditEntry();
            entry.id = r.entryId();
            entry.programId = r.programId();
            entry.occurredAt = r.occurredAt();
            entry.actorId = erased != null ? pseudonym : r.actorId().toString();
            entry.actorName = erased != null ? null : r.actorName();
            entry.service = r.service();
            entry.action = r.action();
            entry.subject = r.subject();
            entry.before = r.before();
            entry.after = r.after();
            return entry.persist().replaceWithVoid();
        }));
    }

    /** The person erased their data: their id becomes their pseudonym wherever the log names them (consumer's transaction). */
    public Uni<Void> onErased(UUID personId) {
        String id = personId.toString();
        String pseudonym = pseudonym(personId);
        return ErasedPerson.<ErasedPerson>findById(pseudonym).chain(known -> {
                    if (known != null) {
                        return Uni.createFrom().voidItem();
                    }
                    ErasedPerson erased = new ErasedPerson();
                    erased.pseudonym = pseudonym;
                    erased.erasedAt = clock.instant();
                    return erased.persist().replaceWithVoid();
                })
                .chain(() -> AuditEntry.update("actorId = ?1, actorName = null where actorId = ?2", pseudonym, id))
                .chain(() -> AuditEntry.update("subject = ?1 where subject = ?2", pseudonym, id))
                .chain(() -> AuditEntry.update("before = replace(before, ?2, ?1), after = replace(after, ?2, ?1) "
                        + "where locate(?2, before) > 0 or locate(?2, after) > 0", pseudonym, id))
                .replaceWithVoid();
    }

    @WithSession
    public Uni<Page<AuditEntry>> list(UUID programId, String action, String actor, Instant from, Instant to, int page, int size) {
        return Page.of(AuditEntry.of(programId, action, actor, from, to), page, size);
    }

    private String pseudonym(UUID personId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(personId.toString().getBytes(StandardCharsets.UTF_8));
            return "pseudonym:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
