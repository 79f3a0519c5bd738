package dev.mentorship.matching.track.service;

import dev.mentorship.runtime.problem.ProblemException;
import dev.mentorship.matching.messaging.ProgramEvents;
import dev.mentorship.matching.messaging.ProgramEvents.ProgramPublished;
import dev.mentorship.matching.track.Track;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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

    public Uni<Void> onProgramPublished(ProgramPublished program) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ProgramEvents.Track published : program.tracks()) {
            all = all.chain(() -> Track.<Track>findById(published.trackId()).chain(existing -> {
                Track track = existing != null ? existing : new Track();
                track.trackId = published.trackId();
                track.programId = program.programId();
                track.programName = program.name();
                track.kind = Track.Kind.valueOf(published.kind());
                track.name = published.name();
                track.key = published.key();
                track.menteesPerMentorMin = published.menteesPerMentorMin();
                track.menteesPerMentorMax = published.menteesPerMentorMax();
                track.pairingsEndMilestoneId = published.pairingsEnd() == null ? null : published.pairingsEnd().milestoneId();
                track.pairingsEndAt = published.pairingsEnd() == null ? null : published.pairingsEnd().endsAt();
                track.updatedAt = clock.instant();
                return existing != null ? Uni.createFrom().voidItem() : track.persist().replaceWithVoid();
            }));
        }
        return all;
    }

    /**
     * A milestone of the track moved: the event carries the end of the track's pairings as it is now (whichever
     * milestone ends them after the move), forward or back, while they last.
     */
    public Uni<Void> onMilestoneRescheduled(ProgramEvents.MilestoneRescheduled moved) {
        return Track.<Track>findById(moved.trackId()).chain(track -> {
            if (track != null && moved.pairingsEndAt() != null) {
                track.pairingsEndAt = moved.pairingsEndAt();
                track.updatedAt = clock.instant();
            }
            return Uni.createFrom().voidItem();
        });
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
                throw ProblemException.notFound("This service has not seen track " + trackId + " of program " + programId + " published.");
            }
            return track;
        });
    }
}
