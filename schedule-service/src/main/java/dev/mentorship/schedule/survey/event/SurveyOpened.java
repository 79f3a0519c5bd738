package dev.mentorship.schedule.survey.event;

import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;
import dev.mentorship.schedule.survey.model.Survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A track's survey is open (once per survey: when its window opens, or at publish if it is open already). Carries no
 * answer. Schema: SurveyOpened.v1.json.
 */
public record SurveyOpened(UUID surveyId, UUID programId, String programName, UUID trackId, String trackKey,
                           TrackKind trackKind, String trackName, String surveyKey, String title, boolean anonymous,
                           List<Role> audience, int questionCount, Instant opensAt, Instant closesAt, String answerUrl) {

    public static final String TYPE = "SurveyOpened";
    public static final int VERSION = 1;

    public static SurveyOpened of(Survey survey, Program program, Track track, String publicBaseUrl) {
        return new SurveyOpened(survey.id, program.id, program.name, track.id, track.key, track.kind, track.name, survey.key,
                survey.title, survey.anonymous, List.copyOf(survey.audience), survey.questions.size(), survey.opensAt,
                survey.closesAt, answerUrl(survey, publicBaseUrl));
    }

    /** Where one answers: {@code <publicBaseUrl>/programs/{programId}/tracks/{trackId}/surveys/{surveyId}}. */
    public static String answerUrl(Survey survey, String publicBaseUrl) {
        return publicBaseUrl + "/programs/" + survey.programId + "/tracks/" + survey.trackId + "/surveys/" + survey.id;
    }
}
