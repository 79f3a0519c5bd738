package dev.mentorship.schedule.survey.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.runtime.http.IfMatch;
import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Role;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.survey.model.Question;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.model.SurveyAnswer;
import dev.mentorship.schedule.survey.model.SurveyRespondent;
import dev.mentorship.schedule.survey.model.SurveyResponse;
import dev.mentorship.schedule.survey.model.SurveyResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answering a track's surveys, and their results. People with an active registration in the track in a role of a
 * survey's audience answer while it is open and may change their answers until it closes: a survey that is not
 * anonymous keeps them with the person (ETag and If-Match as every mutable resource); an anonymous one keeps who
 * answered ({@link SurveyRespondent}) apart from what ({@link SurveyResponse}: random id, no person, no time), and the
 * answer can be changed only with the receipt given when it was first stored (its SHA-256 is all that is kept). Results
 * for the program's organizers: live while a non-anonymous survey is open, frozen at close; an anonymous survey's only
 * after it closes.
 */
@ApplicationScoped
public class SurveyService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() { };

    /** A survey as one person sees it: whether they answered it. */
    public record Offer(Survey survey, boolean answered) {
    }

    /**
     * Stored answers. {@code receipt}: for an anonymous survey's first answer only, the token that changes it later;
     * {@code version}: a non-anonymous answer's (its ETag); {@code created}: the first answer.
     */
    public record Answered(Survey survey, Map<String, Object> answers, Instant answeredAt, Instant updatedAt, String receipt,
                           Long version, boolean created) {
    }

    private final Clock clock;

    public SurveyService(Clock clock) {
        this.clock = clock;
    }

    /**
     * The track's surveys: for a person registered in it, those of their roles, with whether they answered; for its
     * program's organizers ({@code organizer}), all of them. Anyone else: 404, as if the track did not exist.
     */
    @WithSession
    public Uni<List<Offer>> list(UUID programId, UUID trackId, UUID me, boolean organizer) {
        return track(programId, trackId, me, organizer).chain(roles -> Survey.<Survey>list("trackId", Sort.by("position"), trackId)
                .chain(surveys -> {
                    List<Survey> visible = surveys.stream()
                            .filter(s -> organizer || s.audience.stream().anyMatch(roles::contains)).toList();
                    return answered(visible, me).map(answered -> visible.stream()
                            .map(s -> new Offer(s, answered.contains(s.id))).toList());
                }));
    }

    /** One survey with its questions, for the same people as {@link #list}. */
    @WithSession
    public Uni<Offer> get(UUID programId, UUID trackId, UUID surveyId, UUID me, boolean organizer) {
        return list(programId, trackId, me, organizer).map(offers -> offers.stream().filter(o -> o.survey().id.equals(surveyId))
                .findFirst().orElseThrow(() -> noSurvey(surveyId)));
    }

    /** My answers to a survey that is not anonymous (404 when I have not answered, and for an anonymous survey). */
    @WithSession
    public Uni<Answered> mine(UUID programId, UUID trackId, UUID surveyId, UUID me) {
        return answerable(programId, trackId, surveyId, me).chain(survey -> {
            if (survey.anonymous) {
                return Uni.createFrom().failure(ProblemException.notFound("The survey \"" + survey.title + "\" is anonymous: "
                        + "its answers are kept without who gave them, so nobody, you included, can read them back by your name."));
            }
            return SurveyAnswer.<SurveyAnswer>findById(new SurveyAnswer.Id(survey.id, me)).chain(answer -> answer == null
                    ? Uni.createFrom().failure(ProblemException.notFound("You have not answered the survey \"" + survey.title + "\" yet."))
                    : Uni.createFrom().item(new Answered(survey, JsonText.read(answer.answers, "{}", ANSWERS), answer.answeredAt,
                    answer.updatedAt, null, answer.version, false)));
        });
    }

    /**
     * Stores or changes my answers. 404 unless I have an active registration in the track with a role of the survey's
     * audience; 409 unless the survey is open, and for a second answer to an anonymous survey without its receipt; 400
     * naming each bad answer ({@code answers.<question>}).
     */
    @WithTransaction
    public Uni<Answered> answer(UUID programId, UUID trackId, UUID surveyId, UUID me, Map<String, Object> given,
                                String receipt, IfMatch ifMatch) {
        return answerable(programId, trackId, surveyId, me)
                // shared lock: the survey cannot close (its results freeze) while an answer to it is being stored
                .chain(found -> Survey.<Survey>findById(found.id, LockModeType.PESSIMISTIC_READ))
                .chain(survey -> {
                    Instant now = clock.instant();
                    if (survey.status != Survey.Status.OPEN || !now.isBefore(survey.closesAt)) {
                        return Uni.createFrom().failure(ProblemException.conflict(survey.status == Survey.Status.CLOSED
                                || !now.isBefore(survey.closesAt)
                                ? "The survey \"" + survey.title + "\" closed at " + survey.closesAt + ": its results are frozen and it takes no more answers."
                                : "The survey \"" + survey.title + "\" is not open yet: it opens at " + survey.opensAt + "."));
                    }
                    Map<String, Object> answers = validate(survey, given);
                    return survey.anonymous ? anonymous(survey, me, answers, receipt, now) : named(survey, me, answers, ifMatch, now);
                });
    }

    private Uni<Answered> named(Survey survey, UUID me, Map<String, Object> answers, IfMatch ifMatch, Instant now) {
        return SurveyAnswer.<SurveyAnswer>findById(new SurveyAnswer.Id(survey.id, me)).chain(existing -> {
            if (existing == null) {
                ifMatch.absent();
                SurveyAnswer answer = new SurveyAnswer();
                answer.id = new SurveyAnswer.Id(survey.id, me);
                answer.answers = JsonText.write(answers);
                answer.answeredAt = now;
                answer.updatedAt = now;
                SurveyRespondent respondent = new SurveyRespondent();
                respondent.id = new SurveyRespondent.Id(survey.id, me);
                respondent.answeredAt = now;
                return respondent.persist().chain(() -> answer.<SurveyAnswer>persistAndFlush())
                        .map(saved -> new Answered(survey, answers, now, now, null, saved.version, true));
            }
            ifMatch.existing(existing.version);
            existing.answers = JsonText.write(answers);
            existing.updatedAt = now;
            return existing.<SurveyAnswer>persistAndFlush()
                    .map(saved -> new Answered(survey, answers, saved.answeredAt, now, null, saved.version, false));
        });
    }

    private Uni<Answered> anonymous(Survey survey, UUID me, Map<String, Object> answers, String receipt, Instant now) {
        return SurveyRespondent.<SurveyRespondent>findById(new SurveyRespondent.Id(survey.id, me)).chain(respondent -> {
            if (respondent == null) {
                String token = receipt();
                SurveyRespondent who = new SurveyRespondent();
                who.id = new SurveyRespondent.Id(survey.id, me);
                who.answeredAt = now;
                SurveyResponse what = new SurveyResponse();
                what.id = UUID.randomUUID();
                what.surveyId = survey.id;
                what.answers = JsonText.write(answers);
                what.receiptHash = sha256(token);
                return who.persist().chain(what::persist)
                        // no time either: what an anonymous answer says is kept without when
                        .replaceWith(new Answered(survey, answers, null, null, token, null, true));
            }
            if (receipt == null || receipt.isBlank()) {
                return Uni.createFrom().failure(ProblemException.conflict("You have answered the anonymous survey \""
                        + survey.title + "\" already. Its answers are kept without your name, so an anonymous answer can only "
                        + "be changed with its receipt: send the receipt you were given when you first answered as \"receipt\"."));
            }
            return SurveyResponse.<SurveyResponse>find("surveyId = ?1 and receiptHash = ?2", survey.id, sha256(receipt.strip()))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(response -> {
                        if (response == null) {
                            return Uni.createFrom().failure(ProblemException.conflict("The receipt matches no answer to the "
                                    + "survey \"" + survey.title + "\": an anonymous answer can only be changed with the receipt "
                                    + "given when it was first stored."));
                        }
                        response.answers = JsonText.write(answers);
                        return response.persistAndFlush()
                                .replaceWith(new Answered(survey, answers, null, null, null, null, false));
                    });
        });
    }

    /**
     * A survey's results for its program's organizers (the resource checks the grant): frozen once closed; live while a
     * non-anonymous one is open; an anonymous one's not before it closes (409).
     */
    @WithSession
    public Uni<SurveyResults> results(UUID programId, UUID surveyId) {
        return Survey.<Survey>findById(surveyId).chain(survey -> {
            if (survey == null || !survey.programId.equals(programId)) {
                return Uni.createFrom().failure(noSurvey(surveyId));
            }
            if (survey.status == Survey.Status.CLOSED) {
                return SurveyResult.<SurveyResult>findById(survey.id).map(frozen -> JsonText.read(frozen.results, "{}",
                        new TypeReference<SurveyResults>() { }));
            }
            if (survey.anonymous) {
                return Uni.createFrom().failure(ProblemException.conflict("The survey \"" + survey.title + "\" is anonymous: "
                        + "its results are shown once it closes (" + survey.closesAt + "), never while it is open, since a live "
                        + "view would let you watch one person's answers arrive."));
            }
            Instant now = clock.instant();
            return SurveyLifecycle.invited(survey).chain(invited -> SurveyLifecycle.answers(survey)
                    .map(answers -> SurveyResults.compute(survey, false, now, invited, answers)));
        });
    }

    /** One person's answers to a survey that is not anonymous, as its organizers read them. */
    public record NamedAnswer(UUID participantId, String name, Role role, Map<String, Object> answers, Instant answeredAt,
                              Instant updatedAt) {
    }

    /**
     * A non-anonymous survey's answers one by one, with who gave them, for its program's organizers (the resource checks
     * the grant), in the order they were first given: the name from the person as last announced (null once erased,
     * though an erased person's answers are gone with them), the role of their registration in the track (an active one
     * in the survey's audience first). 404 for a survey of another program; 409 for an anonymous one.
     */
    @WithSession
    public Uni<Page<NamedAnswer>> answers(UUID programId, UUID surveyId, int page, int size) {
        return Survey.<Survey>findById(surveyId).chain(survey -> {
            if (survey == null || !survey.programId.equals(programId)) {
                return Uni.createFrom().failure(noSurvey(surveyId));
            }
            if (survey.anonymous) {
                return Uni.createFrom().failure(ProblemException.conflict("The survey \"" + survey.title + "\" is anonymous: "
                        + "an anonymous survey's answers are never shown one by one, only as its results once it closes."));
            }
            return Page.of(SurveyAnswer.<SurveyAnswer>find("id.surveyId = ?1 order by answeredAt, id.participantId", survey.id),
                    page, size).chain(answers -> {
                        List<UUID> people = answers.items().stream().map(a -> a.id.participantId()).toList();
                        if (people.isEmpty()) {
                            return Uni.createFrom().item(new Page<NamedAnswer>(List.of(), answers.page(), answers.size(), answers.total()));
                        }
                        return Person.<Person>list("participantId in ?1", people).chain(persons -> PersonRegistration
                                .<PersonRegistration>list("trackId = ?1 and participantId in ?2", survey.trackId, people)
                                .map(registrations -> {
                                    Map<UUID, String> names = persons.stream().collect(Collectors.toMap(p -> p.participantId, p -> p.name));
                                    return answers.map(a -> {
                                        UUID who = a.id.participantId();
                                        Role role = registrations.stream().filter(r -> r.participantId.equals(who)
                                                        && survey.audience.contains(r.role))
                                                .sorted(Comparator.comparing((PersonRegistration r) -> r.status != PersonRegistration.Status.ACTIVE)
                                                        .thenComparing(r -> r.role))
                                                .map(r -> r.role).findFirst().orElse(null);
                                        return new NamedAnswer(who, names.get(who), role, JsonText.read(a.answers, "{}", ANSWERS),
                                                a.answeredAt, a.updatedAt);
                                    });
                                }));
                    });
        });
    }

    /** Each answer checked against its question; the answers as kept (text stripped, blanks left out). */
    static Map<String, Object> validate(Survey survey, Map<String, Object> given) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, Object> answers = given == null ? Map.of() : given;
        for (String key : answers.keySet()) {
            if (survey.question(key) == null) {
                errors.add(new FieldError("answers." + key, "is not a question of this survey (its questions: "
                        + survey.questions.stream().map(Question::key).collect(Collectors.joining(", ")) + ")"));
            }
        }
        for (Question question : survey.questions) {
            String field = "answers." + question.key();
            Object value = answers.get(question.key());
            Object answer = switch (question.type()) {
                case RATING -> {
                    if (value == null) {
                        yield null;
                    }
                    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 1
                            || ((Number) value).longValue() > 5) {
                        errors.add(new FieldError(field, "must be a whole number from 1 to 5: " + value));
                        yield null;
                    }
                    yield ((Number) value).intValue();
                }
                case SINGLE -> {
                    if (value == null) {
                        yield null;
                    }
                    if (!(value instanceof String s) || !question.options().contains(s)) {
                        errors.add(new FieldError(field, "must be one of " + question.options() + ": " + value));
                        yield null;
                    }
                    yield s;
                }
                case MULTIPLE -> {
                    if (value == null) {
                        yield null;
                    }
                    if (!(value instanceof List<?> list) || !list.stream().allMatch(o -> o instanceof String s && question.options().contains(s))) {
                        errors.add(new FieldError(field, "must be a list of options among " + question.options() + ": " + value));
                        yield null;
                    }
                    Set<String> chosen = new LinkedHashSet<>();
                    list.forEach(o -> chosen.add((String) o));
                    if (chosen.size() != list.size()) {
                        errors.add(new FieldError(field, "names an option twice"));
                        yield null;
                    }
                    yield chosen.isEmpty() ? null : List.copyOf(chosen);
                }
                case TEXT -> {
                    if (value == null) {
                        yield null;
                    }
                    if (!(value instanceof String s)) {
                        errors.add(new FieldError(field, "must be text"));
                        yield null;
                    }
                    String text = s.strip();
                    if (text.length() > Question.MAX_TEXT) {
                        errors.add(new FieldError(field, "must be at most " + Question.MAX_TEXT + " characters (it has "
                                + text.length() + ")"));
                        yield null;
                    }
                    yield text.isEmpty() ? null : text;
                }
            };
            if (answer != null) {
                kept.put(question.key(), answer);
            } else if (question.required() && errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, "is required: " + question.text()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return kept;
    }

    /** The survey, if I may answer it: published program, active registration in its track with a role of its audience. */
    private Uni<Survey> answerable(UUID programId, UUID trackId, UUID surveyId, UUID me) {
        return track(programId, trackId, me, false).chain(roles -> Survey.<Survey>findById(surveyId).chain(survey ->
                survey == null || !survey.trackId.equals(trackId) || survey.audience.stream().noneMatch(roles::contains)
                        ? Uni.createFrom().failure(noSurvey(surveyId)) : Uni.createFrom().item(survey)));
    }

    /** My roles in the track, if its program is published and I am registered in it (organizers: any program state). */
    private static Uni<Set<Role>> track(UUID programId, UUID trackId, UUID me, boolean organizer) {
        ProblemException notFound = ProblemException.notFound("No track " + trackId + " of yours in program " + programId + ".");
        return Track.<Track>findById(trackId).chain(track -> track == null || !track.programId.equals(programId)
                ? Uni.createFrom().failure(notFound)
                : Program.<Program>findById(programId).chain(program -> PersonRegistration.<PersonRegistration>list(
                        "participantId = ?1 and trackId = ?2 and status = ?3", me, trackId, PersonRegistration.Status.ACTIVE)
                .chain(registrations -> {
                    Set<Role> roles = registrations.stream().map(r -> r.role).collect(Collectors.toSet());
                    if (organizer) {
                        return Uni.createFrom().item(roles);
                    }
                    return program == null || program.status != Program.Status.PUBLISHED || roles.isEmpty()
                            ? Uni.createFrom().failure(notFound) : Uni.createFrom().item(roles);
                })));
    }

    private static Uni<Set<UUID>> answered(List<Survey> surveys, UUID me) {
        if (surveys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return SurveyRespondent.<SurveyRespondent>list("id.participantId = ?1 and id.surveyId in ?2", me,
                surveys.stream().map(s -> s.id).toList()).map(list -> list.stream().map(r -> r.id.surveyId())
                .collect(Collectors.toSet()));
    }

    private static String receipt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException noSurvey(UUID surveyId) {
        return ProblemException.notFound("No survey " + surveyId + " for you: it is not one of a track you are registered in "
                + "with a role it asks.");
    }
}
