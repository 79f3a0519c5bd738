package dev.mentorship.participant.conduct;

import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** A confidential report: whom it is about, what happened, when. */
public record ConductReportInput(
        @NotNull @Schema(description = "The program it happened in: its conduct contacts receive the report") UUID programId,
        @NotBlank @Size(max = 500) @SingleLine @Schema(description = "Whom the report is about, in the reporter's words") String about,
        @Schema(description = "The account of the person it is about, if the reporter knows it (a partner, an organizer): "
                + "the report is never shown to that person, even if they are a conduct contact") UUID aboutPersonId,
        @Schema(description = "Keep the reporter's name and email from the organizers (they can then not reply)") boolean anonymous,
        @NotBlank @Size(max = 10000) @Schema(description = "What happened") String description,
        @NotNull @PastOrPresent @Schema(description = "When it happened") LocalDate occurredOn,
        @Size(max = 500) @SingleLine @Schema(description = "Where it happened (a meeting, a channel)") String location) {
}
