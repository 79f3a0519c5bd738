package dev.mentorship.participant.conduct;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A confidential report: whom it is about, what happened, when. */
public record ConductReportInput(
        @Schema(description = "The program it happened in, if any") UUID programId,
        @NotBlank @Size(max = 500) @Schema(description = "Whom the report is about") String about,
        @NotBlank @Size(max = 10000) @Schema(description = "What happened") String description,
        @NotNull @PastOrPresent @Schema(description = "When it happened") LocalDate occurredOn,
        @Size(max = 500) @Schema(description = "Where it happened (a meeting, a channel)") String location) {
}
