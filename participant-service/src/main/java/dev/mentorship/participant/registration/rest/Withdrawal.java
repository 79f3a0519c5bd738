package dev.mentorship.participant.registration.rest;

import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Withdrawal(@Size(max = 1000) @SingleLine @Schema(description = "Optional; seen by the organizers only") String reason) {
}
