package dev.mentorship.runtime.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A track's figures; a track with nothing yet has its zeros, so that two editions line up. */
@Schema(description = "A track's figures")
public record TrackReport(UUID trackId,
                          @Schema(description = "The track's key in the program data, e.g. author; editions line up by it") String trackKey,
                          @Schema(description = "AUTHOR, REVIEWER or CAREER") String trackKind,
                          String trackName, List<Figure> figures) {

    public TrackReport {
        figures = List.copyOf(figures);
    }
}
