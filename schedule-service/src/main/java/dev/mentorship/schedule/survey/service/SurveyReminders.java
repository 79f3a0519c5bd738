package dev.mentorship.schedule.survey.service;

import dev.mentorship.runtime.outbox.Outbox;
import dev.mentorship.schedule.event.Topics;
import dev.mentorship.schedule.meeting.MeetingsConfig;
import dev.mentorship.schedule.meeting.event.Party;
import dev.mentorship.schedule.people.Person;
import dev.mentorship.schedule.people.PersonRegistration;
import dev.mentorship.schedule.program.Program;
import dev.mentorship.schedule.program.Track;
import dev.mentorship.schedule.reminder.Reminder;
import dev.mentorship.schedule.survey.event.SurveyReminder;
import dev.mentorship.schedule.survey.model.Survey;
import dev.mentorship.schedule.survey.model.SurveyRespondent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a due SURVEY reminder announces (called by the reminder dispatcher, inside the transaction of its SKIP LOCKED
 * claim): {@code SurveyReminder} to each person of the survey's audience with an active registration in its track who
 * has not answered, one event each. A survey not open (not yet, or closed) reminds nobody; one whose closing moved since
 * the reminder was planned has had it cancelled, and a differing one is skipped here.
 */
@ApplicationScoped
public class SurveyReminders {

    private final Outbox outbox;
    private final MeetingsConfig config;

    public SurveyReminders(Outbox outbox, MeetingsConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public Uni<Void> announce(Reminder reminder) {
        return Survey.<Survey>findById(reminder.surveyId).chain(survey -> {
            if (survey == null || survey.status != Survey.Status.OPEN || !survey.closesAt.equals(reminder.dueAt)) {
                return Uni.createFrom().voidItem();
            }
            return Program.<Program>findById(survey.programId).chain(program -> Track.<Track>findById(survey.trackId)
                    .chain(track -> PersonRegistration.<PersonRegistration>list("trackId = ?1 and status = ?2 and role in ?3",
                                    track.id, PersonRegistration.Status.ACTIVE, survey.audience)
                            .chain(registrations -> SurveyRespondent.<SurveyRespondent>list("id.surveyId", survey.id)
                                    .chain(respondents -> {
                                        Set<UUID> answered = new HashSet<>();
                                        respondents.forEach(r -> answered.add(r.id.participantId()));
                                        Set<UUID> recipients = new LinkedHashSet<>();
                                        registrations.stream().map(r -> r.participantId).filter(p -> !answered.contains(p))
                                                .forEach(recipients::add);
                                        Uni<Void> chain = Uni.createFrom().voidItem();
                                        for (UUID recipient : recipients) {
                                            chain = chain.chain(() -> Person.<Person>findById(recipient).chain(person -> outbox.append(
                                                    Topics.SCHEDULE, SurveyReminder.TYPE, SurveyReminder.VERSION,
                                                    program.id.toString(), survey.id.toString(),
                                                    SurveyReminder.of(reminder, survey, program, track,
                                                            Party.of(recipient, person, survey.closesAt), config.publicBaseUrl()))))
                                                    .replaceWithVoid();
                                        }
                                        return chain;
                                    }))));
        });
    }
}
