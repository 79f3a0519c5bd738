package dev.mentorship.participant.track.rest;

import dev.mentorship.participant.track.TrackOffer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A track as people choosing where to register see it, with whether registering now is on time or late. */
public record TrackView(UUID trackId, UUID programId, String programName, String conference, String key,
                        TrackOffer.Kind kind, String name,
                        @Schema(description = "The same list as suggestedTopics (kept for older clients)", deprecated = true)
                        List<String> topics,
                        @Schema(description = "CAREER: topics the program suggests, to offer first; they are examples, "
                                + "a registration may name any topic of its own (at most 10, each at most 80 characters)")
                        List<String> suggestedTopics,
                        Instant opensAt,
                        Instant applicationDeadline, Instant closesAt, boolean rolling,
                        TrackOffer.RegistrationState registrationState, String codeOfConductTitle,
                        String codeOfConductVersion,
                        @Schema(description = "Where the code of conduct is published; none if the program names no URL")
                        String codeOfConductUrl,
                        @Schema(description = "Where the program has violations of its code of conduct reported, e.g. "
                                + "info@ml4h.cc; none: report them with the platform's conduct report form")
                        String conductReportContact,
                        Integer menteesPerMentorMin, Integer menteesPerMentorMax) {

    public static TrackView of(TrackOffer t, Instant now) {
        return new TrackView(t.trackId, t.programId, t.programName, t.conference, t.key, t.kind, t.name, t.topics,
                t.topics, t.opensAt, t.applicationDeadline, t.closesAt, t.rolling, t.stateAt(now), t.codeOfConductTitle,
                t.codeOfConductVersion, t.codeOfConductUrl, t.conductReportContact, t.menteesPerMentorMin,
                t.menteesPerMentorMax);
    }
}
