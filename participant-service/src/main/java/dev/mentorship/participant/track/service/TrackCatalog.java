package dev.mentorship.participant.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.participant.track.TrackOffer;
import dev.mentorship.participant.track.repository.TrackOfferRepository;
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

    private final TrackOfferRepository tracks;
    private final Clock clock;

    public TrackCatalog(TrackOfferRepository tracks, Clock clock) {
        this.tracks = tracks;
        this.clock = clock;
    }

    public Uni<Void> onProgramPublished(JsonNode program) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (JsonNode track : required(program, "tracks")) {
            UUID trackId = UUID.fromString(required(track, "trackId").asText());
            all = all.chain(() -> tracks.findById(trackId).chain(existing -> {
                TrackOffer offer = existing != null ? existing : new TrackOffer();
                offer.trackId = trackId;
                offer.programId = UUID.fromString(required(program, "programId").asText());
                offer.programName = required(program, "name").asText();
                offer.conference = required(program, "conference").asText();
                offer.key = required(track, "key").asText();
                offer.kind = TrackOffer.Kind.valueOf(required(track, "kind").asText());
                offer.name = required(track, "name").asText();
                List<String> topics = new ArrayList<>();
                track.path("topics").forEach(topic -> topics.add(topic.asText()));
                offer.topics = topics;
                JsonNode registration = required(track, "registration");
                offer.opensAt = instant(registration, "opensAt");
                offer.applicationDeadline = instant(registration, "applicationDeadline");
                offer.closesAt = instant(registration, "closesAt");
                offer.rolling = required(registration, "rolling").asBoolean();
                offer.codeOfConductTitle = required(required(program, "codeOfConduct"), "title").asText();
                offer.codeOfConductVersion = required(required(program, "codeOfConduct"), "version").asText();
                offer.menteesPerMentorMin = track.path("menteesPerMentorMin").isInt() ? track.get("menteesPerMentorMin").asInt() : null;
                offer.menteesPerMentorMax = track.path("menteesPerMentorMax").isInt() ? track.get("menteesPerMentorMax").asInt() : null;
                offer.oneOnOneStartsAt = null;
                offer.oneOnOneEndsAt = null;
                for (JsonNode milestone : track.path("milestones")) {
                    if (ONE_ON_ONE_WEEK.equals(milestone.path("type").asText())) {
                        offer.oneOnOneStartsAt = instant(milestone, "dueAt");
                        offer.oneOnOneEndsAt = milestone.path("endsAt").isTextual() ? instant(milestone, "endsAt") : null;
                    }
                }
                offer.updatedAt = clock.instant();
                return tracks.persist(offer).replaceWithVoid();
            }));
        }
        return all;
    }

    /**
     * An application deadline moved: the window moves, and its end too where it closed with the deadline.
     * The one-on-one week moved: the dates mentees may give move with it.
     */
    public Uni<Void> onMilestoneRescheduled(JsonNode change) {
        String type = required(change, "milestoneType").asText();
        if (ONE_ON_ONE_WEEK.equals(type)) {
            return onOneOnOneWeekMoved(change);
        }
        if (!"APPLICATION_DEADLINE".equals(type)) {
            return Uni.createFrom().voidItem();
        }
        UUID trackId = UUID.fromString(required(change, "trackId").asText());
        Instant previous = instant(required(change, "previous"), "dueAt");
        Instant current = instant(required(change, "current"), "dueAt");
        return tracks.findById(trackId).chain(offer -> {
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

    private Uni<Void> onOneOnOneWeekMoved(JsonNode change) {
        UUID trackId = UUID.fromString(required(change, "trackId").asText());
        JsonNode current = required(change, "current");
        Instant previousStart = instant(required(change, "previous"), "dueAt");
        Instant start = instant(current, "dueAt");
        return tracks.findById(trackId).invoke(offer -> {
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
        return Page.of(tracks.findOffers(programId), page, size);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("The event has no " + field);
        }
        return value;
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(required(node, field).asText());
    }
}
