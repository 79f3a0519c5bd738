package dev.mentorship.participant.registration.service;

import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.participant.event.ParticipantUpdated;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.TrackPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Waitlist priority: a mentee who self-identifies as underrepresented gets it in a track whose organizers turned
 * the policy on. The flag is all that leaves this service (in the registration's events); whenever it changes,
 * ParticipantUpdated tells matching. All methods run in the caller's transaction.
 */
@ApplicationScoped
public class WaitlistPriority {

    private final ParticipantEvents events;
    private final Clock clock;

    public WaitlistPriority(ParticipantEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The priority a registration has now. */
    public Uni<Boolean> of(Registration r) {
        if (r.role != Registration.Role.MENTEE) {
            return Uni.createFrom().item(false);
        }
        return TrackPolicy.<TrackPolicy>findById(r.trackId).chain(policy -> policy == null || !policy.prioritiseSelfIdentified
                ? Uni.createFrom().item(false)
                : SelfIdentification.<SelfIdentification>findById(r.participantId).map(s -> s != null && s.underrepresented));
    }

    /** The person's self-identification changed: their mentee registrations follow. */
    public Uni<Void> refreshParticipant(Participant p, boolean underrepresented) {
        return Registration.activeOf(p.id).chain(active -> {
            Uni<Boolean> anyChanged = Uni.createFrom().item(false);
            for (Registration r : active) {
                anyChanged = anyChanged.chain(changed -> r.role != Registration.Role.MENTEE ? Uni.createFrom().item(changed)
                        : TrackPolicy.<TrackPolicy>findById(r.trackId).map(policy -> {
                            boolean now = underrepresented && policy != null && policy.prioritiseSelfIdentified;
                            return set(r, now) || changed;
                        }));
            }
            return anyChanged.chain(changed -> changed
                    ? events.updated(p, List.of(ParticipantUpdated.Change.PRIORITY)) : Uni.createFrom().voidItem());
        });
    }

    /** An organizer sets a track's policy: every active mentee's flag follows. */
    public Uni<TrackPolicy> setPolicy(UUID programId, UUID trackId, boolean prioritiseSelfIdentified, UUID organizer) {
        return TrackPolicy.<TrackPolicy>findById(trackId).chain(existing -> {
            TrackPolicy policy = existing != null ? existing : new TrackPolicy();
            policy.trackId = trackId;
            policy.programId = programId;
            policy.prioritiseSelfIdentified = prioritiseSelfIdentified;
            policy.updatedAt = clock.instant();
            policy.updatedBy = organizer;
            Uni<TrackPolicy> saved = existing != null ? Uni.createFrom().item(policy) : policy.persist();
            return saved.chain(() -> Registration.activeMenteesOf(trackId)).chain(mentees -> {
                Set<UUID> changedPeople = new LinkedHashSet<>();
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Registration r : mentees) {
                    chain = chain.chain(() -> SelfIdentification.<SelfIdentification>findById(r.participantId).invoke(s -> {
                        if (set(r, prioritiseSelfIdentified && s != null && s.underrepresented)) {
                            changedPeople.add(r.participantId);
                        }
                    })).replaceWithVoid();
                }
                return chain.chain(() -> announce(changedPeople));
            }).replaceWith(policy);
        });
    }

    private Uni<Void> announce(Set<UUID> people) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (UUID id : people) {
            chain = chain.chain(() -> Participant.<Participant>findById(id))
                    .chain(p -> events.updated(p, List.of(ParticipantUpdated.Change.PRIORITY)));
        }
        return chain;
    }

    private boolean set(Registration r, boolean priority) {
        if (r.priority == priority) {
            return false;
        }
        r.priority = priority;
        r.updatedAt = clock.instant();
        return true;
    }
}
