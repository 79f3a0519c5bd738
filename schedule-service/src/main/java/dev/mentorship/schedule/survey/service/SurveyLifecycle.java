package dev.mentorship.schedule.survey.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.runtime.persistence.JsonText;
import dev.mentorship.runtime.problem.InvalidRequestException;
import dev.mentorship.runtime.problem.Problem.FieldError;
import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Milestone;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.survey.event.SurveyClosed;
import dev.mentorship.schedule.survey.event.SurveyOpened;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.model.SurveyAnswer;
import dev.mentorship.schedule.survey.model.SurveyRespondent;
import dev.mentorship.schedule.survey.model.SurveyResponse;
import dev.mentorship.schedule.survey.model.SurveyResult;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.LockMode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A survey's life: SCHEDULED until its window opens (then OPEN, {@code SurveyOpened}), OPEN until it closes (then
 * CLOSED, {@code SurveyClosed}): the results are computed and frozen, and an anonymous survey's responses are rewritten in
 * random order under new ids, in the same transaction, so that neither row order nor transaction id links one to its
 * respondent. Every replica polls ({@code mentorship.surveys.poll-interval}) and claims due surveys with
 * {@code FOR UPDATE SKIP LOCKED}, as the reminder dispatcher does: each survey opens and closes once. Windows move with
 * their milestones ({@link #follow}).
 */
@ApplicationScoped
public class SurveyLifecycle {

    private static final Logger LOG = Logger.getLogger(SurveyLifecycle.class);
    private static final int BATCH = 20;
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() { };

    private final Outbox outbox;
    private final MeetingsConfig config;
    private final Clock clock;

    public SurveyLifecycle(Outbox outbox, MeetingsConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${mentorship.surveys.poll-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    Uni<Void> poll() {
        return advance()
                .onFailure().invoke(e -> LOG.warnf("Survey windows will be checked again: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Opens and closes what is due now; returns how many surveys changed. */
    public Uni<Integer> advance() {
        Instant now = clock.instant();
        return claim("from Survey s where s.status = :status and s.opensAt <= :now and s.programId in "
                + "(select p.id from Program p where p.status = :published) order by s.opensAt", Survey.Status.SCHEDULED, now)
                .chain(opened -> claim("from Survey s where s.status = :status and s.closesAt <= :now order by s.closesAt",
                        Survey.Status.OPEN, now).map(closed -> opened + closed));
    }

    private Uni<Integer> claim(String query, Survey.Status status, Instant now) {
        // programmatic, not @WithTransaction: the transaction begins with the claim, whose row locks keep other replicas
        // off these surveys until what they announce is committed with them
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> {
            var select = session.createSelectionQuery(query, Survey.class)
                    .setParameter("status", status)
                    .setParameter("now", now);
            if (query.contains(":published")) {
                select.setParameter("published", Program.Status.PUBLISHED);
            }
            return select.setMaxResults(BATCH).setLockMode(LockMode.UPGRADE_SKIPLOCKED).getResultList()
                    .flatMap(due -> {
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Survey survey : due) {
                            chain = chain.chain(() -> advance(survey, now));
                        }
                        return chain.replaceWith(due.size());
                    });
        }));
    }

    /** Opens or closes a survey as its window says (inside the transaction that holds it). */
    private Uni<Void> advance(Survey survey, Instant now) {
        return Program.<Program>findById(survey.programId).chain(program -> Track.<Track>findById(survey.trackId)
                .chain(track -> !survey.closesAt.isAfter(now) ? close(survey, program, track, now)
                        : !survey.opensAt.isAfter(now) && survey.status == Survey.Status.SCHEDULED ? open(survey, program, track, now)
                        : Uni.createFrom().voidItem()));
    }

    /** A program is published: its surveys whose window is open already open now, those already past close. */
    public Uni<Void> onPublished(Program program) {
        Instant now = clock.instant();
        return Survey.<Survey>list("programId = ?1 and status = ?2 order by position", program.id, Survey.Status.SCHEDULED)
                .chain(surveys -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Survey survey : surveys) {
                        if (!survey.opensAt.isAfter(now)) {
                            chain = chain.chain(() -> Track.<Track>findById(survey.trackId).chain(track -> !survey.closesAt.isAfter(now)
                                    ? close(survey, program, track, now) : open(survey, program, track, now)));
                        }
                    }
                    return chain;
                });
    }

    private Uni<Void> open(Survey survey, Program program, Track track, Instant now) {
        survey.status = Survey.Status.OPEN;
        survey.openedAt = now;
        return outbox.append(Topics.SCHEDULE, SurveyOpened.TYPE, SurveyOpened.VERSION, program.id.toString(),
                survey.id.toString(), SurveyOpened.of(survey, program, track, config.publicBaseUrl())).replaceWithVoid();
    }

    /**
     * Closes a survey: freezes its results (computed now, with the people who could answer now), rewrites an anonymous
     * survey's responses, records SurveyClosed. A survey whose whole window passed before it could open (a program
     * published after it) closes without an event: nobody was asked, there are no results to announce.
     */
    private Uni<Void> close(Survey survey, Program program, Track track, Instant now) {
        boolean announce = survey.openedAt != null;
        survey.status = Survey.Status.CLOSED;
        survey.closedAt = now;
        return invited(survey).chain(invited -> answers(survey).chain(answers -> {
            SurveyResults results = SurveyResults.compute(survey, true, now, invited, answers);
            SurveyResult frozen = new SurveyResult();
            frozen.surveyId = survey.id;
            frozen.results = JsonText.write(results);
            frozen.frozenAt = now;
            return frozen.persist()
                    .chain(() -> survey.anonymous ? shuffle(survey.id) : Uni.createFrom().voidItem())
                    .chain(() -> !announce ? Uni.createFrom().voidItem() : outbox.append(Topics.SCHEDULE, SurveyClosed.TYPE,
                            SurveyClosed.VERSION, program.id.toString(), survey.id.toString(),
                            SurveyClosed.of(survey, program, track, invited, answers.size(), config.publicBaseUrl())).replaceWithVoid())
                    .invoke(() -> LOG.infof("Survey %s of program %s closed: %d of %d answered", survey.key, program.name,
                            answers.size(), invited))
                    .replaceWithVoid();
        }));
    }

    /**
     * An anonymous survey's responses, rewritten in one statement in random order under new random ids and without their
     * receipts: nothing in the rows (order, id, transaction) is left from the moment each was given.
     */
    private static Uni<Void> shuffle(UUID surveyId) {
        return Panache.getSession().chain(db -> db.createNativeQuery(
                        "with old as (delete from survey_response where survey_id = :survey returning answers) "
                                + "insert into survey_response (id, survey_id, answers) "
                                + "select gen_random_uuid(), :survey, answers from old order by random()")
                .setParameter("survey", surveyId).executeUpdate()).replaceWithVoid();
    }

    /** How many people could answer: active registrations in the track with a role of its audience (distinct people). */
    public static Uni<Integer> invited(Survey survey) {
        return Panache.getSession().chain(db -> db.createSelectionQuery(
                        "select count(distinct r.participantId) from PersonRegistration r "
                                + "where r.trackId = :track and r.status = :active and r.role in :roles", Long.class)
                .setParameter("track", survey.trackId)
                .setParameter("active", PersonRegistration.Status.ACTIVE)
                .setParameter("roles", List.copyOf(survey.audience))
                .getSingleResult()).map(Long::intValue);
    }

    /** What was answered (each a map from question key to value), without who. */
    public static Uni<List<Map<String, Object>>> answers(Survey survey) {
        Uni<List<String>> stored = survey.anonymous
                ? SurveyResponse.<SurveyResponse>list("surveyId", survey.id).map(l -> l.stream().map(r -> r.answers).toList())
                : SurveyAnswer.<SurveyAnswer>list("id.surveyId", survey.id).map(l -> l.stream().map(a -> a.answers).toList());
        return stored.map(list -> {
            List<Map<String, Object>> answers = new ArrayList<>();
            list.forEach(json -> answers.add(JsonText.read(json, "{}", ANSWERS)));
            return answers;
        });
    }

    /**
     * A milestone moved: the windows of the surveys it opens or closes (not closed yet) move with it. Call inside the
     * move's transaction, before its reminders are replanned. A window that would close before it opens is refused (400).
     */
    public static Uni<Void> follow(Milestone milestone) {
        return Survey.<Survey>list("(opensMilestoneId = ?1 or closesMilestoneId = ?1) and status != ?2", milestone.id,
                Survey.Status.CLOSED).chain(surveys -> {
                    List<FieldError> errors = new ArrayList<>();
                    for (Survey survey : surveys) {
                        if (survey.opensMilestoneId.equals(milestone.id)) {
                            survey.opensAt = Survey.opensAt(milestone);
                        }
                        if (survey.closesMilestoneId.equals(milestone.id)) {
                            survey.closesAt = Survey.closesAt(milestone);
                        }
                        if (!survey.opensAt.isBefore(survey.closesAt)) {
                            errors.add(new FieldError("date", "would close the survey \"" + survey.title + "\" ("
                                    + survey.closesAt + ") before it opens (" + survey.opensAt + ")"));
                        }
                    }
                    return errors.isEmpty() ? Panache.flush().replaceWithVoid()
                            : Uni.createFrom().failure(new InvalidRequestException(errors));
                });
    }

    /**
     * An erased person's answers to surveys that are not anonymous, and every record that they answered, go; the frozen
     * results of each closed one they answered are computed again from the answers left (with the {@code invited} and
     * the moment frozen at close), so that neither their words nor their counts stay in them.
     */
    public static Uni<Void> forget(UUID participantId) {
        return SurveyAnswer.<SurveyAnswer>list("id.participantId", participantId).chain(theirs -> {
            List<UUID> answered = theirs.stream().map(a -> a.id.surveyId()).toList();
            Uni<Void> chain = SurveyAnswer.delete("id.participantId", participantId)
                    .chain(() -> SurveyRespondent.delete("id.participantId", participantId))
                    .replaceWithVoid();
            for (UUID surveyId : answered) {
                chain = chain.chain(() -> refreeze(surveyId));
            }
            return chain;
        });
    }

    /** A closed non-anonymous survey's frozen results, computed again from its answers as they are now. */
    private static Uni<Void> refreeze(UUID surveyId) {
        return Survey.<Survey>findById(surveyId).chain(survey -> survey == null || survey.anonymous
                || survey.status != Survey.Status.CLOSED ? Uni.createFrom().voidItem()
                : SurveyResult.<SurveyResult>findById(surveyId).chain(frozen -> {
                    if (frozen == null) {
                        return Uni.createFrom().voidItem();
                    }
                    SurveyResults was = JsonText.read(frozen.results, "{}", new TypeReference<SurveyResults>() { });
                    return answers(survey).invoke(answers -> frozen.results = JsonText.write(
                            SurveyResults.compute(survey, true, was.asOf(), was.invited(), answers))).replaceWithVoid();
                }));
    }
}
