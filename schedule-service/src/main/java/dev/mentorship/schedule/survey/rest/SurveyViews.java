package dev.mentorship.schedule.survey.rest;

import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.survey.model.Question;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.service.SurveyService;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the survey endpoints read and answer. */
public final class SurveyViews {

    private SurveyViews() {
    }

    /** A survey as a person of its track sees it (questions only in {@link Detail}). */
    @Schema(name = "SurveySummary")
    public record Summary(UUID surveyId, UUID programId, UUID trackId, String key, String title, String description,
                          @Schema(description = "Who answered is kept apart from what was answered; results only after it closes, groups under five hidden")
                          boolean anonymous,
                          List<Role> audience,
                          @Schema(description = "SCHEDULED (not open yet), OPEN (answers taken and changeable), CLOSED (results frozen)")
                          Survey.Status status,
                          Instant opensAt, Instant closesAt, int questionCount,
                          @Schema(description = "Whether I have answered it") boolean answered) {

        public static Summary of(SurveyService.Offer offer) {
            Survey s = offer.survey();
            return new Summary(s.id, s.programId, s.trackId, s.key, s.title, s.description, s.anonymous,
                    List.copyOf(s.audience), s.status, s.opensAt, s.closesAt, s.questions.size(), offer.answered());
        }
    }

    /** A survey with its questions. */
    @Schema(name = "Survey")
    public record Detail(UUID surveyId, UUID programId, UUID trackId, String key, String title, String description,
                         boolean anonymous, List<Role> audience, Survey.Status status, Instant opensAt, Instant closesAt,
                         boolean answered, List<Question> questions) {

        public static Detail of(SurveyService.Offer offer) {
            Survey s = offer.survey();
            return new Detail(s.id, s.programId, s.trackId, s.key, s.title, s.description, s.anonymous,
                    List.copyOf(s.audience), s.status, s.opensAt, s.closesAt, offer.answered(), s.questions);
        }
    }

    /** Answers by question key: RATING a whole number 1 to 5, SINGLE an option, MULTIPLE a list of options, TEXT text. */
    @Schema(name = "SurveyAnswers")
    public record AnswersBody(
            @Schema(description = "By question key, e.g. {\"overall\": 4, \"format\": \"Just right\", \"improve\": \"More time\"}")
            @Size(max = 50) Map<String, Object> answers,
            @Schema(description = "Anonymous surveys: to change an answer, the receipt given when it was first stored")
            @Size(max = 200) String receipt) {
    }

    /**
     * Stored answers. {@code receipt}: the first answer to an anonymous survey only: keep it to change the answer until
     * the survey closes (it is shown once; only its SHA-256 is stored).
     */
    @Schema(name = "SurveyAnswered")
    public record Answered(UUID surveyId, boolean anonymous, Map<String, Object> answers,
                           @Schema(description = "When first answered (not kept for anonymous surveys)") Instant answeredAt,
                           @Schema(description = "When last changed (not kept for anonymous surveys)") Instant updatedAt,
                           @Schema(description = "Anonymous surveys, first answer only: the receipt that changes it") String receipt) {

        public static Answered of(SurveyService.Answered a) {
            return new Answered(a.survey().id, a.survey().anonymous, a.answers(), a.answeredAt(), a.updatedAt(), a.receipt());
        }
    }

    /** One person's answers to a survey that is not anonymous, as its organizers read them. */
    @Schema(name = "SurveyNamedAnswer")
    public record NamedAnswer(UUID participantId,
                              @Schema(description = "The person's name as last announced; null once they were erased") String name,
                              @Schema(description = "Their role in the track (a role of the survey's audience)") Role role,
                              Map<String, Object> answers, Instant answeredAt, Instant updatedAt) {

        public static NamedAnswer of(SurveyService.NamedAnswer a) {
            return new NamedAnswer(a.participantId(), a.name(), a.role(), a.answers(), a.answeredAt(), a.updatedAt());
        }
    }
}
