package dev.mentorship.participant.track.rest;

import dev.mentorship.participant.track.TrackOffer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A track as people choosing where to register see it, with whether registering now is on time or late. */
public record TrackView(UUID trackId, UUID programId, String programName, String conference, String key,
                        TrackOffer.Kind kind, String name, List<String> topics, Instant opensAt,
                        Instant applicationDeadline, Instant closesAt, boolean rolling,
                        TrackOffer.RegistrationState registrationState, String codeOfConductTitle,
                        String codeOfConductVersion, Integer menteesPerMentorMin, Integer menteesPerMentorMax) {

    public static TrackView of(TrackOffer t, Instant now) {
        return new TrackView(t.trackId, t.programId, t.programName, t.conference, t.key, t.kind, t.name, t.topics,
                t.opensAt, t.applicationDeadline, t.closesAt, t.rolling, t.stateAt(now), t.codeOfConductTitle,
                t.codeOfConductVersion, t.menteesPerMentorMin, t.menteesPerMentorMax);
    }
}
