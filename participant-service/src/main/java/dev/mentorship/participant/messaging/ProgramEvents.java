package dev.mentorship.participant.messaging;

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

    public record ProgramPublished(@JsonProperty(required = true) UUID programId,
                                   @JsonProperty(required = true) String conference,
                                   @JsonProperty(required = true) String name,
                                   @JsonProperty(required = true) CodeOfConduct codeOfConduct,
                                   @JsonProperty(required = true) List<Track> tracks) {
        public static final String TYPE = "ProgramPublished";
    }

    public record CodeOfConduct(@JsonProperty(required = true) String title, @JsonProperty(required = true) String version) {
    }

    public record Track(@JsonProperty(required = true) UUID trackId,
                        @JsonProperty(required = true) String key,
                        @JsonProperty(required = true) String kind,
                        @JsonProperty(required = true) String name,
                        @JsonProperty(required = true) Registration registration,
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

    public record Registration(@JsonProperty(required = true) Instant opensAt,
                               @JsonProperty(required = true) Instant applicationDeadline,
                               @JsonProperty(required = true) Instant closesAt,
                               @JsonProperty(required = true) Boolean rolling) {
    }

    public record Milestone(String type, Instant dueAt, Instant endsAt) {
    }

    public record MilestoneRescheduled(@JsonProperty(required = true) UUID trackId,
                                       @JsonProperty(required = true) String milestoneType,
                                       @JsonProperty(required = true) When previous,
                                       @JsonProperty(required = true) When current) {
        public static final String TYPE = "MilestoneRescheduled";
    }

    public record When(@JsonProperty(required = true) Instant dueAt) {
    }
}
