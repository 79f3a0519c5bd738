package dev.mentorship.schedule.program.service;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.staff.Grant;
import dev.mentorship.runtime.staff.ProgramStaffChanged;
import dev.mentorship.runtime.staff.StaffMember;
import dev.mentorship.runtime.staff.StaffedProgram;
import dev.mentorship.schedule.program.Program;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who runs each program: schedule-service owns the staff. Every change raises the program's staff revision and records
 * the whole staff as ProgramStaffChanged (internal topic mentorship.staff), in the same transaction, so the other
 * services' copies follow. A program always keeps an organizer, except when its last one erases their data (an admin
 * then appoints a new one).
 */
@ApplicationScoped
public class StaffService {

    /** A person and what they may do in the program. */
    public record Appointment(UUID personId, String name, String email, Collection<Grant> grants) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public StaffService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithSession
    public Uni<Staff> list(UUID programId) {
        return exists(programId).chain(() -> StaffMember.ofProgram(programId)).chain(members -> StaffedProgram
                .<StaffedProgram>findById(programId).map(staffed -> new Staff(members, staffed == null ? 0 : staffed.revision)));
    }

    /** A program's staff at a revision: the staff's ETag, which every appointment and removal moves on. */
    public record Staff(List<StaffMember> members, long revision) {
    }

    /** A person's place on the staff, and the staff's revision that the appointment made. */
    public record Appointed(StaffMember member, long revision) {
    }

    /** Appoints a person or changes their grants. */
    @WithTransaction
    public Uni<Appointed> appoint(UUID programId, Appointment appointment, IfMatch ifMatch) {
        return exists(programId).chain(() -> appointIn(programId, appointment, ifMatch));
    }

    /** The first organizer of a new program: its creator, with every grant. Inside the creating transaction. */
    Uni<StaffMember> appointCreator(UUID programId, Appointment creator) {
        return appointIn(programId, creator, IfMatch.UNCONDITIONAL).map(Appointed::member);
    }

    @WithTransaction
    public Uni<Void> remove(UUID programId, UUID personId, IfMatch ifMatch) {
        return exists(programId).chain(() -> locked(programId)).chain(revision -> StaffMember.ofProgram(programId)
                .chain(staff -> {
                    if (ifMatch.header() != null) {
                        ifMatch.existing(revision - 1); // optional on DELETE, honoured when sent
                    }
                    StaffMember leaving = staff.stream().filter(m -> m.personId.equals(personId)).findFirst()
                            .orElseThrow(() -> ProblemException.notFound("Person " + personId + " is not on the staff of program " + programId + "."));
                    boolean organizerLeft = staff.stream().anyMatch(m -> m != leaving && m.has(Grant.ORGANIZER));
                    if (leaving.has(Grant.ORGANIZER) && !organizerLeft) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Person " + personId + " is the program's last organizer: appoint another one first."));
                    }
                    return leaving.delete().call(Panache::flush).chain(() -> announce(revision, programId));
                }));
    }

    /** An erased person leaves every staff they were on (ParticipantErased, in the consumer's transaction). */
    public Uni<Void> onErased(UUID personId) {
        return StaffMember.<StaffMember>list("personId", personId).chain(memberships -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (StaffMember membership : memberships) {
                done = done.chain(() -> locked(membership.programId))
                        .chain(revision -> membership.delete().call(Panache::flush).chain(() -> announce(revision, membership.programId)));
            }
            return done;
        });
    }

    /**
     * Changing a member's grants needs the staff's current revision as If-Match; appointing someone new needs none,
     * but one that is sent must be current.
     */
    private Uni<Appointed> appointIn(UUID programId, Appointment appointment, IfMatch ifMatch) {
        return locked(programId).chain(revision -> StaffMember.of(programId, appointment.personId()).chain(existing -> {
            if (existing != null || ifMatch.header() != null) {
                ifMatch.existing(revision - 1);
            }
            boolean stillOrganized = appointment.grants().contains(Grant.ORGANIZER) || existing == null
                    || !existing.has(Grant.ORGANIZER);
            Uni<Boolean> otherOrganizer = stillOrganized ? Uni.createFrom().item(true)
                    : StaffMember.ofProgram(programId).map(staff -> staff.stream()
                    .anyMatch(m -> !m.personId.equals(appointment.personId()) && m.has(Grant.ORGANIZER)));
            return otherOrganizer.chain(ok -> {
                if (!ok) {
                    return Uni.createFrom().<Appointed>failure(ProblemException.conflict("Person "
                            + appointment.personId() + " is the program's last organizer: appoint another one first."));
                }
                StaffMember member = existing != null ? existing : new StaffMember();
                if (existing == null) {
                    member.id = UUID.randomUUID();
                    member.programId = programId;
                    member.personId = appointment.personId();
                }
                member.name = appointment.name().strip();
                member.email = appointment.email().strip();
                member.grants = new ArrayList<>(appointment.grants().stream().distinct().sorted().map(Grant::name).toList());
                Uni<?> saved = existing != null ? Uni.createFrom().item(member) : member.persist();
                return saved.call(Panache::flush).chain(() -> announce(revision, programId)).replaceWith(new Appointed(member, revision));
            });
        }));
    }

    /** Locks the program's staff revision (creating it at 0) and answers the next revision. */
    private Uni<Long> locked(UUID programId) {
        return StaffedProgram.<StaffedProgram>findById(programId, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            StaffedProgram program = found != null ? found : new StaffedProgram();
            program.programId = programId;
            program.revision = program.revision + 1;
            program.updatedAt = clock.instant();
            return (found != null ? Uni.createFrom().item(program) : program.persist()).replaceWith(program.revision);
        });
    }

    private Uni<Void> announce(long revision, UUID programId) {
        return StaffMember.ofProgram(programId).chain(staff -> outbox.append(ProgramStaffChanged.TOPIC,
                ProgramStaffChanged.TYPE, ProgramStaffChanged.VERSION, programId.toString(), programId.toString(),
                new ProgramStaffChanged(programId, revision, staff.stream().map(StaffMember::data).toList())))
                .replaceWithVoid();
    }

    private static Uni<Void> exists(UUID programId) {
        return Program.<Program>findById(programId).chain(program -> program == null
                ? Uni.createFrom().failure(ProblemException.notFound("There is no program " + programId + "."))
                : Uni.createFrom().voidItem());
    }
}
