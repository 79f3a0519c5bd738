package dev.mentorship.participant.track.service;

import dev.mentorship.runtime.paging.Page;
import dev.mentorship.participant.messaging.ProgramEvents;
import dev.mentorship.participant.messaging.ProgramEvents.MilestoneRescheduled;
import dev.mentorship.participant.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.participant.track.TrackOffer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The tracks open for registration, kept from schedule-service's events: ProgramPublished brings a program's
 * tracks and registration windows; MilestoneRescheduled of an application deadline moves the window.
 * Called inside the consumer's transaction.
 */
@ApplicationScoped
public class TrackCatalog {

    private static final Logger LOG = Logger.getLogger(TrackCatalog.class);
    private static final String ONE_ON_ONE_WEEK = "ONE_ON_ONE_WEEK";

    private final Clock clock;

    public TrackCatalog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> onProgramPublished(ProgramPublished program) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ProgramEvents.Track track : program.tracks()) {
            all = all.chain(() -> TrackOffer.<TrackOffer>findById(track.trackId()).chain(existing -> {
                TrackOffer offer = existing != null ? existing : new TrackOffer();
                offer.trackId = track.trackId();
                offer.programId = program.programId();
                offer.programName = program.name();
                offer.conference = program.conference();
                offer.timeZone = program.timeZone();
                offer.key = track.key();
                offer.kind = TrackOffer.Kind.valueOf(track.kind());
                offer.name = track.name();
                offer.topics = new ArrayList<>(track.topics());
                offer.opensAt = track.registration().opensAt();
                offer.applicationDeadline = track.registration().applicationDeadline();
                offer.closesAt = track.registration().closesAt();
                offer.rolling = track.registration().rolling();
                offer.codeOfConductTitle = program.codeOfConduct().title();
                offer.codeOfConductVersion = program.codeOfConduct().version();
                offer.codeOfConductUrl = program.codeOfConduct().url();
                offer.conductReportContact = program.codeOfConduct().reportContact();
                offer.menteesPerMentorMin = track.menteesPerMentorMin();
                offer.menteesPerMentorMax = track.menteesPerMentorMax();
                offer.oneOnOneStartsAt = null;
                offer.oneOnOneEndsAt = null;
                for (ProgramEvents.Milestone milestone : track.milestones()) {
                    if (ONE_ON_ONE_WEEK.equals(milestone.type())) {
                        offer.oneOnOneStartsAt = milestone.dueAt();
                        offer.oneOnOneEndsAt = milestone.endsAt();
                    }
                }
                offer.updatedAt = clock.instant();
                return offer.persist().replaceWithVoid();
            }));
        }
        return all;
    }

    /**
     * An application deadline moved: the window moves, and its end too where it closed with the deadline.
     * The one-on-one week moved: the dates mentees may give move with it.
     */
    public Uni<Void> onMilestoneRescheduled(MilestoneRescheduled change) {
        if (ONE_ON_ONE_WEEK.equals(change.milestoneType())) {
            return onOneOnOneWeekMoved(change);
        }
        if (!"APPLICATION_DEADLINE".equals(change.milestoneType())) {
            return Uni.createFrom().voidItem();
        }
        UUID trackId = change.trackId();
        Instant previous = change.previous().dueAt();
        Instant current = change.current().dueAt();
        return TrackOffer.<TrackOffer>findById(trackId).chain(offer -> {
            if (offer == null) {
                LOG.warnf("MilestoneRescheduled for track %s, which was never published here; ignored", trackId);
                return Uni.createFrom().voidItem();
            }
            if (offer.closesAt.equals(previous) || offer.closesAt.isBefore(current)) {
                offer.closesAt = current;
            }
            offer.applicationDeadline = current;
            offer.updatedAt = clock.instant();
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> onOneOnOneWeekMoved(MilestoneRescheduled change) {
        Instant previousStart = change.previous().dueAt();
        Instant start = change.current().dueAt();
        return TrackOffer.<TrackOffer>findById(change.trackId()).invoke(offer -> {
            if (offer != null) {
                // the event names the window's start; its end moves by as much
                offer.oneOnOneEndsAt = offer.oneOnOneEndsAt == null ? null
                        : offer.oneOnOneEndsAt.plus(java.time.Duration.between(previousStart, start));
                offer.oneOnOneStartsAt = start;
                offer.updatedAt = clock.instant();
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<Page<TrackOffer>> list(UUID programId, int page, int size) {
        return Page.of(TrackOffer.findOffers(programId), page, size);
    }

}
