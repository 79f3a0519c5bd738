package dev.mentorship.participant.registration.service;

import dev.mentorship.participant.event.ParticipantEvents;
import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;
import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.registration.TrackPolicy;
import dev.mentorship.runtime.http.IfMatch;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/**
 * Waitlist priority: a mentee who self-identifies as underrepresented gets it in a track whose organizers turned
 * the policy on. The flag is all that leaves this service, and only on the internal topic mentorship.confidential
 * (WaitlistPriorityChanged, which matching alone reads): no public event says anything derived from it. All methods run
 * in the caller's transaction.
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
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Registration r : active) {
                chain = chain.chain(() -> r.role != Registration.Role.MENTEE ? Uni.createFrom().voidItem()
                        : TrackPolicy.<TrackPolicy>findById(r.trackId).chain(policy -> {
                            boolean now = underrepresented && policy != null && policy.prioritiseSelfIdentified;
                            return set(r, now) ? events.priorityChanged(r) : Uni.createFrom().voidItem();
                        }));
            }
            return chain;
        });
    }

    /** An organizer sets a track's policy: every active mentee's flag follows. */
    public Uni<TrackPolicy> setPolicy(UUID programId, UUID trackId, boolean prioritiseSelfIdentified, UUID organizer,
                                      IfMatch ifMatch) {
        return TrackPolicy.<TrackPolicy>findById(trackId).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
            } else {
                ifMatch.existing(existing.version);
            }
            TrackPolicy policy = existing != null ? existing : new TrackPolicy();
            policy.trackId = trackId;
            policy.programId = programId;
            policy.prioritiseSelfIdentified = prioritiseSelfIdentified;
            policy.updatedAt = clock.instant();
            policy.updatedBy = organizer;
            Uni<TrackPolicy> saved = existing != null ? Uni.createFrom().item(policy) : policy.persist();
            return saved.chain(() -> Registration.activeMenteesOf(trackId)).chain(mentees -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Registration r : mentees) {
                    chain = chain.chain(() -> SelfIdentification.<SelfIdentification>findById(r.participantId).chain(s ->
                            set(r, prioritiseSelfIdentified && s != null && s.underrepresented)
                                    ? events.priorityChanged(r) : Uni.createFrom().voidItem()));
                }
                return chain;
            }).replaceWith(policy);
        });
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
