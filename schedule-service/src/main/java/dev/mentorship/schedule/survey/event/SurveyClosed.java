package dev.mentorship.schedule.survey.event;

import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;
import dev.mentorship.schedule.survey.model.Survey;

import java.time.Instant;
import java.util.UUID;

/**
 * A survey's window closed and its results are frozen: how many could answer ({@code invited}) and did
 * ({@code responded}), where organizers read the results. Carries no answer. Schema: SurveyClosed.v1.json.
 */
public record SurveyClosed(UUID surveyId, UUID programId, String programName, UUID trackId, String trackKey,
                           TrackKind trackKind, String trackName, String surveyKey, String title, boolean anonymous,
                           Instant closedAt, int invited, int responded, String resultsUrl) {

    public static final String TYPE = "SurveyClosed";
    public static final int VERSION = 1;

    public static SurveyClosed of(Survey survey, Program program, Track track, int invited, int responded,
                                  String publicBaseUrl) {
        return new SurveyClosed(survey.id, program.id, program.name, track.id, track.key, track.kind, track.name, survey.key,
                survey.title, survey.anonymous, survey.closedAt, invited, responded,
                publicBaseUrl + "/programs/" + program.id + "/surveys/" + survey.id + "/results");
    }
}
