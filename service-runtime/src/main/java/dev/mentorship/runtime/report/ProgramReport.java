package dev.mentorship.runtime.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one service knows of how a program went: figures for the whole program and per track. Each service reports only
 * what it owns (participant-service registrations, matching-service pairings, schedule-service meetings and surveys,
 * notification-service mails); the metrics are listed in each service's README.
 */
@Schema(description = "What one service knows of how a program went, per track")
public record ProgramReport(@Schema(description = "participant, matching, schedule or notification") String service,
                            UUID programId, String programName,
                            @Schema(description = "When these figures were counted") Instant asOf,
                            @Schema(description = "Figures of the whole program (none where every figure is per track)") List<Figure> figures,
                            List<TrackReport> tracks) {

    public ProgramReport {
        figures = figures == null ? List.of() : List.copyOf(figures);
        tracks = List.copyOf(tracks);
    }
}
