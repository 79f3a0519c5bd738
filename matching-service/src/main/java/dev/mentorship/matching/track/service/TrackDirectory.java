package dev.mentorship.matching.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.matching.track.Track;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;

/** The tracks, kept from ProgramPublished; called inside the consumer's transaction. */
@ApplicationScoped
public class TrackDirectory {

    private final Clock clock;

    public TrackDirectory(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> onProgramPublished(JsonNode program) {
        Uni<Void> all = Uni.createFrom().voidItem();
        UUID programId = UUID.fromString(Json.required(program, "programId").asText());
        String programName = Json.required(program, "name").asText();
        for (JsonNode node : Json.required(program, "tracks")) {
            UUID trackId = UUID.fromString(Json.required(node, "trackId").asText());
            all = all.chain(() -> Track.<Track>findById(trackId).chain(existing -> {
                Track track = existing != null ? existing : new Track();
                track.trackId = trackId;
                track.programId = programId;
                track.programName = programName;
                track.kind = Track.Kind.valueOf(Json.required(node, "kind").asText());
                track.name = Json.required(node, "name").asText();
                track.menteesPerMentorMin = node.path("menteesPerMentorMin").isInt() ? node.get("menteesPerMentorMin").asInt() : null;
                track.menteesPerMentorMax = node.path("menteesPerMentorMax").isInt() ? node.get("menteesPerMentorMax").asInt() : null;
                track.updatedAt = clock.instant();
                return existing != null ? Uni.createFrom().voidItem() : track.persist().replaceWithVoid();
            }));
        }
        return all;
    }

    /** Reading required fields of events. */
    public static final class Json {
        private Json() {
        }

        public static JsonNode required(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException("The event has no " + field);
            }
            return value;
        }
    }
}
