package dev.mentorship.matching.pairing.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.run.PairConstraint;
import dev.mentorship.matching.run.service.ProblemLoader;
import dev.mentorship.matching.run.service.RollingMatcher;
import dev.mentorship.matching.track.Track;
import dev.mentorship.runtime.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class PairingService {

    private final Pairings lifecycle;
    private final RollingMatcher rolling;
    private final ProblemLoader loader;
    private final Clock clock;

    public PairingService(Pairings lifecycle, RollingMatcher rolling, ProblemLoader loader, Clock clock) {
        this.lifecycle = lifecycle;
        this.rolling = rolling;
        this.loader = loader;
        this.clock = clock;
    }

    /** A page of pairings and the registrations of their members. */
    public record WithPeople(Page<Pairing> page, Map<UUID, Registration> people) {
    }

    /** A track's waitlist in the order it is served, and the registrations of the mentees on it. */
    public record Waitlist(List<WaitlistEntry> inOrder, Map<UUID, Registration> people) {
    }

    @WithSession
    public Uni<WithPeople> listOfMember(UUID participantId, int page, int size) {
        return Page.of(Pairing.findByMember(participantId), page, size).chain(this::withPeople);
    }

    @WithSession
    public Uni<WithPeople> listOfTrack(UUID trackId, Pairing.Status status, int page, int size) {
        return Page.of(Pairing.findByTrack(trackId, status), page, size).chain(this::withPeople);
    }

    @WithSession
    public Uni<Waitlist> waitlist(UUID trackId) {
        return Track.<Track>findById(trackId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("This service has not seen track " + trackId + " published."))
                .chain(track -> loader.policy(track)).chain(policy -> lifecycle.ordered(trackId, policy))
                .chain(entries -> Registration.byId(entries.stream().map(e -> e.menteeRegistrationId).toList())
                        .map(people -> new Waitlist(entries, people)));
    }

    /**
     * An organizer dissolves a pairing: PairingDissolved; the pair is forbidden from then on; the mentee goes back to
     * matching and the mentor's room to the waitlist.
     */
    /** The program a pairing belongs to (whose organizers may dissolve it). */
    @WithSession
    public Uni<UUID> programOf(UUID pairingId) {
        return Pairing.<Pairing>findById(pairingId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no pairing " + pairingId + "."))
                .map(pairing -> pairing.programId);
    }

    @WithTransaction
    public Uni<WithPeople> dissolve(UUID pairingId, String note, UUID organizer) {
        return Pairing.<Pairing>findById(pairingId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("There is no pairing " + pairingId + "."))
                .chain(p -> {
                    if (p.status != Pairing.Status.ACTIVE) {
                        return Uni.createFrom().failure(ProblemException.conflict("This pairing was dissolved already."));
                    }
                    return Track.<Track>findById(p.trackId).chain(track -> lifecycle.dissolve(track, p, Pairing.Ended.ORGANIZER, note))
                            .call(() -> forbid(p, organizer))
                            .call(() -> rolling.menteeArrived(p.trackId, p.menteeRegistrationId))
                            .call(() -> rolling.capacityFreed(p.trackId))
                            .chain(dissolved -> withPeople(new Page<>(List.of(dissolved), 0, 1, 1)));
                });
    }

    private Uni<Void> forbid(Pairing p, UUID organizer) {
        PairConstraint c = new PairConstraint();
        c.id = UUID.randomUUID();
        c.trackId = p.trackId;
        c.kind = PairConstraint.Kind.FORBID;
        c.menteeRegistrationId = p.menteeRegistrationId;
        c.mentorRegistrationId = p.mentorRegistrationId;
        c.createdBy = organizer;
        c.createdAt = clock.instant();
        return PairConstraint.delete("trackId = ?1 and menteeRegistrationId = ?2 and mentorRegistrationId = ?3",
                p.trackId, p.menteeRegistrationId, p.mentorRegistrationId).chain(() -> c.persist()).replaceWithVoid();
    }

    private Uni<WithPeople> withPeople(Page<Pairing> page) {
        List<UUID> ids = new ArrayList<>();
        page.items().forEach(p -> {
            ids.add(p.mentorRegistrationId);
            ids.add(p.menteeRegistrationId);
        });
        return Registration.byId(ids).map(people -> new WithPeople(page, people));
    }
}
