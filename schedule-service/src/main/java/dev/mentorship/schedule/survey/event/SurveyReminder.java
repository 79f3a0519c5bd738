package dev.mentorship.schedule.survey.event;

import dev.mentorship.schedule.meeting.event.Party;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.program.TrackKind;
import dev.mentorship.schedule.reminder.Reminder;
import dev.mentorship.schedule.survey.model.Survey;

import java.time.Instant;
import java.util.UUID;

/**
 * A survey closes in {@code lead} and the recipient, of its audience, has not answered yet: one event per recipient
 * (erasing a person deletes only what named them), once per lead time. {@code recipient.localStart}: the closing
 * instant in their time zone. Carries no answer. Schema: SurveyReminder.v1.json.
 */
public record SurveyReminder(UUID reminderId, UUID surveyId, UUID programId, String programName, UUID trackId,
                             String trackKey, TrackKind trackKind, String trackName, String surveyKey, String title,
                             boolean anonymous, String lead, Instant closesAt, Party recipient, String answerUrl) {

    public static final String TYPE = "SurveyReminder";
    public static final int VERSION = 1;

    public static SurveyReminder of(Reminder reminder, Survey survey, Program program, Track track, Party recipient,
                                    String publicBaseUrl) {
        return new SurveyReminder(reminder.id, survey.id, program.id, program.name, track.id, track.key, track.kind,
                track.name, survey.key, survey.title, survey.anonymous, reminder.lead, survey.closesAt, recipient,
                SurveyOpened.answerUrl(survey, publicBaseUrl));
    }
}
