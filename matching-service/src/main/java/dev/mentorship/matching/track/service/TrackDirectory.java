package dev.mentorship.matching.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.matching.track.Track;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

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

    /**
     * The track, when it is one of the program's: every organizer path of a track names its program
     * ({@code /programs/{programId}/tracks/{trackId}/…}, as in every service); any other pair is 404, as a track this
     * service has not seen published.
     */
    @WithSession
    public Uni<Track> inProgram(UUID programId, UUID trackId) {
        return Track.<Track>findById(trackId).map(track -> {
            if (track == null || !track.programId.equals(programId)) {
                throw new NotFoundException("This service has not seen track " + trackId + " of program " + programId + " published.");
            }
            return track;
        });
    }

    @WithSession
    public Uni<UUID> programOf(UUID trackId) {
        return Track.<Track>findById(trackId).map(track -> track.programId);
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
