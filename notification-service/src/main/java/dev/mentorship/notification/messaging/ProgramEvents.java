package dev.mentorship.notification.messaging;

import dev.mentorship.runtime.messaging.Required;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of schedule-service's program events (topic mentorship.programs; the producer's JSON
 * Schemas in schedule-service's {@code schemas/} and docs/asyncapi.yaml): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing required
 * one makes the event poison. Fields the schemas require but this service has always done without or read late (a
 * program's conference and publication, the tracks and milestones lists, a milestone's type and rendering, a change's
 * audience, summary, reason and former date) stay optional here, with the same defaults.
 */
public final class ProgramEvents {

    private ProgramEvents() {
    }

    /**
     * {@code frontendUrl}: the program's own frontend, optional (older events have none). {@code conference} (e.g. "ML4H")
     * groups a conference's editions: the people of an earlier one hear of the next (none: the program stands alone).
     */
    public record ProgramPublished(@Required UUID programId,
                                   String conference,
                                   @Required String name,
                                   String frontendUrl,
                                   Instant publishedAt,
                                   List<Track> tracks,
                                   CodeOfConduct codeOfConduct) {
        public static final String TYPE = "ProgramPublished";

        /**
         * When the edition starts, to order a conference's editions: its first milestone (none: its publication, else
         * {@code fallback}).
         */
        public Instant startsAt(Instant fallback) {
            Instant first = null;
            for (Track track : tracks()) {
                for (Milestone m : track.milestones()) {
                    if (first == null || m.dueAt().isBefore(first)) {
                        first = m.dueAt();
                    }
                }
            }
            return first != null ? first : publishedAt != null ? publishedAt : fallback;
        }

        @Override
        public List<Track> tracks() {
            return tracks == null ? List.of() : tracks;
        }
    }

    /**
     * The program's code of conduct: its title and version, and optionally where it is published and where violations
     * are reported (an address; ML4H 2024 names none). Read leniently: an event without it still informs.
     */
    public record CodeOfConduct(String title, String version, String url, String reportContact) {
    }

    /** {@code registration}, {@code pairingsEnd} and {@code key} (e.g. "author"): optional (older events have none). */
    public record Track(@Required UUID trackId,
                        @Required String name,
                        @Required String kind,
                        List<Milestone> milestones,
                        Registration registration,
                        PairingsEnd pairingsEnd,
                        String key) {

        @Override
        public List<Milestone> milestones() {
            return milestones == null ? List.of() : milestones;
        }
    }

    /** A milestone; {@code localRendering} as people read it, e.g. "July 16, 2025 AoE" (null: none). */
    public record Milestone(String type, @Required Instant dueAt, String localRendering, String key, String name, Instant endsAt) {

        public static final String FIRST_CONTACT_DUE = "FIRST_CONTACT_DUE";
    }

    /** When a track takes registrations: the application deadline and the last moment late ones are accepted. */
    public record Registration(Instant applicationDeadline, Instant closesAt, Boolean rolling) {
    }

    /** When the track's pairings end (PairingEnded). */
    public record PairingsEnd(String milestoneName, @Required Instant endsAt) {
    }

    /** {@code milestoneKey}, {@code milestoneType} and {@code pairingsEndAt}: optional (older events lack them). */
    public record MilestoneRescheduled(UUID programId,
                                       @Required UUID trackId,
                                       @Required String milestoneName,
                                       List<String> audience,
                                       When previous,
                                       @Required When current,
                                       String summary,
                                       String reason,
                                       String milestoneKey,
                                       String milestoneType,
                                       Instant pairingsEndAt) {
        public static final String TYPE = "MilestoneRescheduled";

        /** The roles told (MENTOR, MENTEE); none: nobody. */
        @Override
        public List<String> audience() {
            return audience == null ? List.of() : audience;
        }

        /** The former date as people read it; empty when not given. */
        public String previousRendering() {
            return previous == null ? "" : previous.localRendering();
        }

        /** How it moved, e.g. "moved 7 days later"; none: "moved". */
        @Override
        public String summary() {
            return summary == null ? "moved" : summary;
        }

        /** Why, as the organizer wrote it; empty when not given. */
        @Override
        public String reason() {
            return reason == null ? "" : reason;
        }
    }

    /** A milestone's date: the instant and how people read it (empty when not given). */
    public record When(@Required Instant dueAt, String localRendering, Instant endsAt) {

        @Override
        public String localRendering() {
            return localRendering == null ? "" : localRendering;
        }
    }
}
