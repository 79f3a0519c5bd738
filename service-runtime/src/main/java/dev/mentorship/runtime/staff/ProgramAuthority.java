package dev.mentorship.runtime.staff;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.security.CurrentUser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

/**
 * Who may do what in which program: the signed-in person's grants on that program's staff. Every organizer endpoint of
 * every service asks here; a program the caller holds no such grant in answers 404, as other people's objects do, so
 * that nobody learns which drafts or reports exist. Realm role {@code admin} only creates programs and appoints staff.
 */
@RequestScoped
public class ProgramAuthority {

    private final CurrentUser user;

    public ProgramAuthority(CurrentUser user) {
        this.user = user;
    }

    /** Continues if the caller holds {@code grant} in the program, else fails with 404. */
    public Uni<Void> require(UUID programId, Grant grant) {
        return holds(programId, grant).chain(holds -> holds ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProblemException.notFound("There is no program " + programId + ".")));
    }

    /**
     * For an object of a program (a run, a pairing, a report): continues if the caller holds {@code grant} in the
     * object's program, else fails with the object's own 404 ({@code notFound}), which names no program.
     */
    public Uni<Void> requireFor(Uni<UUID> programOfObject, Grant grant, String notFound) {
        return programOfObject.chain(programId -> holds(programId, grant)).chain(holds -> holds
                ? Uni.createFrom().voidItem() : Uni.createFrom().failure(ProblemException.notFound(notFound)));
    }

    /** As {@link #require(UUID, Grant)}, but a platform admin may too (appointing a program's staff). */
    public Uni<Void> requireOrAdmin(UUID programId, Grant grant) {
        return user.isAdmin() ? Uni.createFrom().voidItem() : require(programId, grant);
    }

    /** Whether the caller holds {@code grant} in the program. */
    public Uni<Boolean> holds(UUID programId, Grant grant) {
        if (programId == null) {
            return Uni.createFrom().item(false);
        }
        UUID me = user.id();
        return Panache.withSession(() -> StaffMember.of(programId, me)).map(m -> m != null && m.has(grant));
    }

    /** The programs in which the caller holds {@code grant}. */
    public Uni<List<UUID>> programs(Grant grant) {
        UUID me = user.id();
        return Panache.withSession(() -> StaffMember.programsOf(me, grant));
    }

    public UUID me() {
        return user.id();
    }
}
