package dev.mentorship.matching.pairing.service;

import dev.mentorship.matching.event.MatchingEvents;
import dev.mentorship.matching.event.Member;
import dev.mentorship.matching.event.MenteeWaitlisted;
import dev.mentorship.matching.event.PairingCreated;
import dev.mentorship.matching.event.PairingDissolved;
import dev.mentorship.matching.pairing.Pairing;
import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.registration.Registration;
import dev.mentorship.matching.scoring.Explanation;
import dev.mentorship.matching.track.Track;
import dev.mentorship.matching.track.TrackPolicy;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Making and ending pairings and keeping the waitlist, each change with its event, in the caller's transaction
 * (which holds the track's row lock, so that replicas do not pair the same people twice).
 */
@ApplicationScoped
public class Pairings {

    private final MatchingEvents events;
    private final Clock clock;

    public Pairings(MatchingEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public Uni<Pairing> create(Track track, Registration mentee, Registration mentor, Explanation explanation, UUID runId,
                               Pairing.Source source) {
        Pairing p = new Pairing();
        p.id = UUID.randomUUID();
        p.programId = track.programId;
        p.trackId = track.trackId;
        p.mentorId = mentor.participantId;
        p.menteeId = mentee.participantId;
        p.mentorRegistrationId = mentor.registrationId;
        p.menteeRegistrationId = mentee.registrationId;
        p.status = Pairing.Status.ACTIVE;
        p.score = explanation.score();
        p.explanation = explanation;
        p.runId = runId;
        p.source = source;
        p.createdAt = clock.instant();
        return p.<Pairing>persist()
                .call(() -> WaitlistEntry.delete("menteeRegistrationId", mentee.registrationId))
                .call(() -> events.pairingCreated(new PairingCreated(p.id, runId, track.programId, track.trackId, track.kind,
                        source, Member.of(mentor), Member.of(mentee), p.score, explanation, p.createdAt)));
    }

    public Uni<Pairing> dissolve(Track track, Pairing p, Pairing.Ended reason, String note) {
        p.status = Pairing.Status.DISSOLVED;
        p.dissolvedAt = clock.instant();
        p.dissolvedReason = reason;
        p.dissolvedNote = note;
        return events.pairingDissolved(new PairingDissolved(p.id, p.programId, p.trackId, track.kind, p.mentorId,
                p.menteeId, reason, p.dissolvedAt)).replaceWith(p);
    }

    /** Puts a mentee on the track's waitlist (once) and announces their position. */
    public Uni<Void> waitlist(Track track, TrackPolicy policy, Registration mentee, String reason) {
        return WaitlistEntry.<WaitlistEntry>findById(mentee.registrationId).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            WaitlistEntry entry = new WaitlistEntry();
            entry.menteeRegistrationId = mentee.registrationId;
            entry.trackId = track.trackId;
            entry.participantId = mentee.participantId;
            entry.priority = mentee.priority;
            entry.reason = reason;
            entry.waitlistedAt = clock.instant();
            entry.registeredAt = mentee.registeredAt;
            return entry.persist().chain(() -> events.menteeWaitlisted(new MenteeWaitlisted(track.programId, track.trackId,
                    track.kind, Member.of(mentee), reason, entry.waitlistedAt)));
        });
    }

    /** The track's waitlist in the order it is served: priority first where the policy says so, then first come. */
    public Uni<List<WaitlistEntry>> ordered(UUID trackId, TrackPolicy policy) {
        return WaitlistEntry.<WaitlistEntry>list("trackId", Sort.by("waitlistedAt").and("registeredAt").and("menteeRegistrationId"), trackId)
                .map(entries -> policy.priorityFirst
                        ? entries.stream().sorted(Comparator.comparing((WaitlistEntry e) -> !e.priority)).toList()
                        : entries);
    }

    public Instant now() {
        return clock.instant();
    }
}
