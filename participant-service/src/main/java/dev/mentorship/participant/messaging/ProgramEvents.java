package dev.mentorship.participant.messaging;

import dev.mentorship.runtime.messaging.Required;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of schedule-service's program events (docs/asyncapi.yaml): only the fields it uses, bound
 * by {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing
 * required one makes the event poison.
 */
public final class ProgramEvents {

    private ProgramEvents() {
    }

    /** timeZone: "AoE" or an IANA name (optional here: only the program report's days use it, UTC without it). */
    public record ProgramPublished(@Required UUID programId,
                                   @Required String conference,
                                   @Required String name,
                                   @Required CodeOfConduct codeOfConduct,
                                   @Required List<Track> tracks,
                                   String timeZone) {
        public static final String TYPE = "ProgramPublished";
    }

    /** url and reportContact are optional: a program may name neither (ML4H 2024 names no report contact). */
    public record CodeOfConduct(@Required String title, @Required String version, String url, String reportContact) {
    }

    public record Track(@Required UUID trackId,
                        @Required String key,
                        @Required String kind,
                        @Required String name,
                        @Required Registration registration,
                        List<String> topics,
                        Integer menteesPerMentorMin,
                        Integer menteesPerMentorMax,
                        List<Milestone> milestones) {

        public List<String> topics() {
            return topics == null ? List.of() : topics;
        }

        public List<Milestone> milestones() {
            return milestones == null ? List.of() : milestones;
        }
    }

    public record Registration(@Required Instant opensAt,
                               @Required Instant applicationDeadline,
                               @Required Instant closesAt,
                               @Required Boolean rolling) {
    }

    public record Milestone(String type, Instant dueAt, Instant endsAt) {
    }

    public record MilestoneRescheduled(@Required UUID trackId,
                                       @Required String milestoneType,
                                       @Required When previous,
                                       @Required When current) {
        public static final String TYPE = "MilestoneRescheduled";
    }

    public record When(@Required Instant dueAt) {
    }
}
