package dev.mentorship.notification.messaging;

import dev.mentorship.notification.contact.service.Directory;
import dev.mentorship.notification.delivery.service.MailSender;
import dev.mentorship.notification.fanout.Message;
import dev.mentorship.notification.fanout.service.FanOut;
import dev.mentorship.notification.fanout.service.Messages;
import dev.mentorship.notification.inbox.service.LiveNotifications;
import dev.mentorship.notification.messaging.PairingEvents.MenteeWaitlisted;
import dev.mentorship.notification.messaging.PairingEvents.PairingCreated;
import dev.mentorship.notification.messaging.PairingEvents.PairingDissolved;
import dev.mentorship.notification.messaging.PairingEvents.PairingEnded;
import dev.mentorship.notification.messaging.ParticipantEvents.ConductReportFiled;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantErased;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantRegistered;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantUpdated;
import dev.mentorship.notification.messaging.ParticipantEvents.ParticipantWithdrawn;
import dev.mentorship.notification.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.notification.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.notification.messaging.ScheduleEvents.DeadlineApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.GroupSessionApproaching;
import dev.mentorship.notification.messaging.ScheduleEvents.Meeting;
import dev.mentorship.notification.messaging.ScheduleEvents.PairingInactive;
import dev.mentorship.notification.messaging.ScheduleEvents.SurveyClosed;
import dev.mentorship.notification.messaging.ScheduleEvents.SurveyOpened;
import dev.mentorship.notification.messaging.ScheduleEvents.SurveyReminder;
import dev.mentorship.runtime.messaging.EventBatch;
import dev.mentorship.runtime.messaging.IncomingEvent;
import dev.mentorship.runtime.messaging.WhileDatabaseDown;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reads every topic of the platform. The envelope is read by {@link IncomingEvent} and each type this service handles
 * is bound into its record ({@link ParticipantEvents}, {@link PairingEvents}, {@link ProgramEvents},
 * {@link ScheduleEvents}). Each event is handled once (by its CloudEvent id), a poll's events in one transaction
 * ({@link EventBatch}: conflicts retried, a failing batch applied again one event at a time so that only the guilty
 * record goes to the topic's .dlq): the read models they change ({@link Directory}), and their inbox entries and queued
 * emails ({@link Messages}, {@link FanOut}). Types it does not know are marked processed and give nothing, so that
 * producers may add new ones. Sending happens after commit, in {@link MailSender}, woken once per poll. An unreachable
 * database is waited for ({@link WhileDatabaseDown}), never a reason to dead-letter an event.
 */
@ApplicationScoped
public class EventsConsumer {

    private static final Logger LOG = Logger.getLogger(EventsConsumer.class);
    private static final List<Message> NOBODY = List.of();

    private final Pool pool;
    private final Directory directory;
    private final Messages messages;
    private final FanOut fanOut;
    private final MailSender sender;
    private final EventBatch batches;
    private final Clock clock;
    private final LiveNotifications live;

    public EventsConsumer(Pool pool, Directory directory, Messages messages, FanOut fanOut, MailSender sender, EventBatch batches,
                          Clock clock, LiveNotifications live) {
        this.pool = pool;
        this.directory = directory;
        this.messages = messages;
        this.fanOut = fanOut;
        this.sender = sender;
        this.batches = batches;
        this.clock = clock;
        this.live = live;
    }

    @Incoming("programs")
    public Uni<Void> programs(KafkaRecordBatch<String, String> records) {
        return handle(records);
    }

    @Incoming("participants")
    public Uni<Void> participants(KafkaRecordBatch<String, String> records) {
        return handle(records);
    }

    @Incoming("pairings")
    public Uni<Void> pairings(KafkaRecordBatch<String, String> records) {
        return handle(records);
    }

    @Incoming("schedule")
    public Uni<Void> schedule(KafkaRecordBatch<String, String> records) {
        return handle(records);
    }

    Uni<Void> handle(KafkaRecordBatch<String, String> records) {
        // Raw SQL and a programmatic transaction, not EventInbox's Panache one: this is the bulk path. One event can fan
        // out to tens of thousands of recipients, whose inbox rows and mails FanOut inserts in batches on this very
        // connection. The sender is woken once per poll, for what its committed transactions queued
        AtomicInteger queued = new AtomicInteger();
        return batches.consume(records, events -> {
                    Instant now = clock.instant();
                    return pool.withTransaction(conn -> unhandled(conn, events, now)
                                    .chain(fresh -> Multi.createFrom().iterable(fresh)
                                            // binding the data may throw (poison): deferred, it fails the transaction
                                            .onItem().transformToUniAndConcatenate(event -> Uni.createFrom().deferred(() -> apply(conn, event, now))
                                                    .chain(list -> fanOut.persist(conn, event.id(), event.type(), event.time(), list, now)))
                                            .collect().with(Collectors.summingInt(Integer::intValue))))
                            .invoke(queued::addAndGet);
                })
                .invoke(() -> {
                    if (queued.get() > 0) {
                        sender.wakeUp();
                    }
                });
    }

    /**
     * The events not handled yet, in their order, recorded as handled in one statement: an id handled already, or being
     * handled by another transaction that then commits, is left out (on conflict do nothing waits for that one).
     */
    private static Uni<List<IncomingEvent>> unhandled(SqlConnection conn, List<IncomingEvent> events, Instant now) {
        // ids in order, so that two transactions lock them in the same order
        List<IncomingEvent> byId = events.stream().sorted(Comparator.comparing(IncomingEvent::id)).toList();
        return conn.preparedQuery("""
                        insert into processed_event (event_id, type, processed_at)
                        select id, type, $3 from unnest($1::varchar[], $2::varchar[]) as e(id, type)
                        on conflict do nothing returning event_id""")
                .execute(Tuple.tuple()
                        .addArrayOfString(byId.stream().map(IncomingEvent::id).toArray(String[]::new))
                        .addArrayOfString(byId.stream().map(IncomingEvent::type).toArray(String[]::new))
                        .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString("event_id")));
                    if (inserted.size() < events.size()) {
                        LOG.debugf("%d of %d events were handled already", events.size() - inserted.size(), events.size());
                    }
                    return events.stream().filter(event -> inserted.contains(event.id())).toList();
                });
    }

    /** The event's effect on the read models, then the messages it gives (none for most read-model-only types). */
    private Uni<List<Message>> apply(SqlConnection conn, IncomingEvent event, Instant now) {
        return switch (event.type()) {
            case ProgramPublished.TYPE -> directory.onProgramPublished(conn, event.data(ProgramPublished.class), now).replaceWith(NOBODY);
            case MilestoneRescheduled.TYPE -> {
                // the read model follows first (the registration window, the first contact, the end), then people are told
                MilestoneRescheduled moved = event.data(MilestoneRescheduled.class);
                yield directory.onMilestoneRescheduled(conn, moved).chain(() -> messages.rescheduled(conn, moved));
            }

            case ParticipantRegistered.TYPE -> {
                ParticipantRegistered registered = event.data(ParticipantRegistered.class);
                yield directory.onRegistered(conn, registered, now).chain(() -> messages.registered(conn, registered));
            }
            case ParticipantUpdated.TYPE -> directory.onUpdated(conn, event.data(ParticipantUpdated.class), now).replaceWith(NOBODY);
            case ParticipantWithdrawn.TYPE -> directory.onWithdrawn(conn, event.data(ParticipantWithdrawn.class)).replaceWith(NOBODY);
            case ParticipantErased.TYPE -> {
                // and their live streams end, on every replica (a notice on commit: this event reaches one replica only)
                ParticipantErased erased = event.data(ParticipantErased.class);
                yield directory.onErased(conn, erased).chain(() -> live.endStreamsOfErased(conn, erased.participantId()))
                        .replaceWith(NOBODY);
            }
            case ConductReportFiled.TYPE -> messages.conduct(conn, event.data(ConductReportFiled.class));

            case PairingCreated.TYPE -> {
                PairingCreated pairing = event.data(PairingCreated.class);
                yield directory.onPairingCreated(conn, pairing, now).chain(() -> directory.onPaired(conn, pairing, at(event, now)))
                        .chain(() -> messages.pairingCreated(conn, pairing));
            }
            // who is matched and who waits: the statuses announcements are addressed by
            case MenteeWaitlisted.TYPE -> {
                MenteeWaitlisted waitlisted = event.data(MenteeWaitlisted.class);
                yield directory.onWaitlisted(conn, waitlisted.trackId(), waitlisted.mentee().participantId(), at(event, now))
                        .chain(() -> messages.waitlisted(conn, waitlisted));
            }
            case PairingDissolved.TYPE -> {
                PairingDissolved dissolved = event.data(PairingDissolved.class);
                yield directory.onUnpaired(conn, dissolved.pairingId(), dissolved.trackId(), dissolved.mentorId(), dissolved.menteeId(), false, at(event, now))
                        .chain(() -> messages.dissolved(conn, dissolved));
            }
            case PairingEnded.TYPE -> {
                PairingEnded ended = event.data(PairingEnded.class);
                yield directory.onUnpaired(conn, ended.pairingId(), ended.trackId(), ended.mentor().participantId(),
                        ended.mentee().participantId(), true, at(event, now)).chain(() -> messages.ended(conn, ended));
            }

            case DeadlineApproaching.TYPE -> messages.deadline(conn, event.data(DeadlineApproaching.class));
            case Meeting.SCHEDULED -> messages.meeting(conn, Meeting.Notice.SCHEDULED, event.data(Meeting.class));
            case Meeting.RESCHEDULED -> messages.meeting(conn, Meeting.Notice.RESCHEDULED, event.data(Meeting.class));
            case Meeting.CANCELLED -> messages.meeting(conn, Meeting.Notice.CANCELLED, event.data(Meeting.class));
            case Meeting.APPROACHING -> messages.meeting(conn, Meeting.Notice.APPROACHING, event.data(Meeting.class));
            case Meeting.DRAFT_REMINDER -> messages.draft(conn, event.data(Meeting.class));
            case PairingInactive.TYPE -> messages.inactive(conn, event.data(PairingInactive.class));
            case GroupSessionApproaching.TYPE -> messages.groupSession(conn, event.data(GroupSessionApproaching.class));
            case SurveyOpened.TYPE -> messages.surveyOpened(conn, event.data(SurveyOpened.class));
            case SurveyReminder.TYPE -> messages.surveyReminder(conn, event.data(SurveyReminder.class));
            case SurveyClosed.TYPE -> messages.surveyClosed(conn, event.data(SurveyClosed.class));

            default -> Uni.createFrom().item(NOBODY);
        };
    }

    /** When the event happened (its ce_time), else now. */
    private static Instant at(IncomingEvent event, Instant now) {
        return event.time() != null ? event.time() : now;
    }
}
