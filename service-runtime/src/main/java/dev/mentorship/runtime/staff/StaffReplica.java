package dev.mentorship.runtime.staff;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** Applies schedule-service's staff changes to this service's copy, newest revision wins. */
@ApplicationScoped
public class StaffReplica {

    private final Clock clock;

    public StaffReplica(Clock clock) {
        this.clock = clock;
    }

    /** Must run in a transaction (the event inbox's). */
    public Uni<Void> apply(ProgramStaffChanged change) {
        return StaffedProgram.<StaffedProgram>findById(change.programId()).chain(known -> {
            if (known != null && known.revision >= change.revision()) {
                return Uni.createFrom().voidItem();
            }
            StaffedProgram program = known != null ? known : new StaffedProgram();
            program.programId = change.programId();
            program.revision = change.revision();
            program.updatedAt = clock.instant();
            Uni<?> saved = known != null ? Uni.createFrom().item(program) : program.persist();
            return saved.chain(() -> StaffMember.delete("programId", change.programId()))
                    .chain(() -> StaffMember.persist(change.staff().stream().map(m -> {
                        StaffMember member = new StaffMember();
                        member.id = UUID.randomUUID();
                        member.programId = change.programId();
                        member.personId = m.personId();
                        member.name = m.name();
                        member.email = m.email();
                        member.grants = new java.util.ArrayList<>(m.grants().stream().map(Grant::name).toList());
                        return member;
                    })));
        });
    }
}
