package dev.mentorship.schedule.pairing.service;

import dev.mentorship.schedule.meeting.service.MeetingService;
import dev.mentorship.schedule.messaging.PairingEvents.Member;
import dev.mentorship.schedule.messaging.PairingEvents.PairingCreated;
import dev.mentorship.schedule.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.schedule.messaging.PairingEvents.PairingEnded;
import dev.mentorship.schedule.pairing.Pairing;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.program.TrackKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The pairings this service schedules for, kept from matching-service's events: PairingCreated stores the pairing
 * (and its members' contact where participant events have not brought them yet) and has its meetings proposed;
 * PairingDissolved ends it and has its meetings still ahead cancelled; a member's erasure removes their pairings and
 * those pairings' meetings. Called inside the consumer's transaction.
 */
@ApplicationScoped
public class PairingProjection {

    private final MeetingService meetings;
    private final Clock clock;

    public PairingProjection(MeetingService meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    public Uni<Void> onPairingCreated(PairingCreated event) {
        return Pairing.<Pairing>findById(event.pairingId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = clock.instant();
            Pairing p = new Pairing();
            p.pairingId = event.pairingId();
            p.programId = event.programId();
            p.trackId = event.trackId();
            p.trackKind = TrackKind.valueOf(event.trackKind());
            p.mentorId = event.mentor().participantId();
            p.menteeId = event.mentee().participantId();
            p.status = Pairing.Status.ACTIVE;
            p.createdAt = now;
            p.lastActivityAt = now;
            return p.persist().chain(() -> remember(event.mentor()))
                    .chain(() -> remember(event.mentee()))
                    .chain(() -> meetings.propose(p, event.mentor().registrationId(), event.mentee().registrationId()));
        });
    }

    /** The contact PairingCreated carries, for people this service has not heard of from participant events yet. */
    private Uni<Void> remember(Member member) {
        return Person.<Person>findById(member.participantId()).chain(person -> {
            if (person != null) {
                return Uni.createFrom().voidItem();
            }
            Person p = new Person();
            p.participantId = member.participantId();
            p.name = member.name();
            p.email = member.email();
            p.timeZone = member.timeZone();
            p.updatedAt = clock.instant();
            return p.persist().replaceWithVoid();
        });
    }

    /** A dissolved pairing's meetings still ahead are cancelled. */
    public Uni<Void> onPairingDissolved(PairingDissolved event) {
        return Pairing.<Pairing>findById(event.pairingId()).chain(p -> {
            if (p == null || p.status == Pairing.Status.DISSOLVED) {
                return Uni.createFrom().voidItem();
            }
            p.status = Pairing.Status.DISSOLVED;
            p.dissolvedAt = clock.instant();
            return meetings.cancelAhead(p, "The pairing ended.");
        });
    }

    /** The track's part of the program ended: nothing is scheduled for the pairing any more; what is still ahead is cancelled. */
    public Uni<Void> onPairingEnded(PairingEnded event) {
        return Pairing.<Pairing>findById(event.pairingId()).chain(p -> {
            if (p == null || p.status != Pairing.Status.ACTIVE) {
                return Uni.createFrom().voidItem();
            }
            p.status = Pairing.Status.ENDED;
            p.endedAt = clock.instant();
            return meetings.cancelAfterEnd(p, "The mentorship program has ended.");
        });
    }

    /**
     * A member was erased: their active pairings end, the meetings still ahead are cancelled (the partner is told,
     * without the erased member's contact), then the pairings and all their meetings are deleted.
     */
    public Uni<Void> forgetMember(UUID participantId) {
        return Pairing.<Pairing>list("mentorId = ?1 or menteeId = ?1", participantId).chain(pairings -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            List<UUID> ids = new ArrayList<>();
            for (Pairing p : pairings) {
                ids.add(p.pairingId);
                if (p.status == Pairing.Status.ACTIVE) {
                    p.status = Pairing.Status.DISSOLVED;
                    p.dissolvedAt = clock.instant();
                    chain = chain.chain(() -> meetings.cancelAheadOfErased(p, participantId));
                }
            }
            if (!ids.isEmpty()) {
                chain = chain.chain(() -> meetings.deleteOfPairings(ids))
                        .chain(() -> Pairing.delete("pairingId in ?1", ids)).replaceWithVoid();
            }
            return chain;
        });
    }
}
