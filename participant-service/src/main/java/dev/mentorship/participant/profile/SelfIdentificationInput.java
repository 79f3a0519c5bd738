package dev.mentorship.participant.profile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Optional and confidential: seen by the organizers only, never shared with mentors or other systems")
public record SelfIdentificationInput(
        @NotNull @Schema(description = "You belong to a group underrepresented in the field") Boolean underrepresented,
        @Size(max = 1000) @Schema(description = "Anything you want the organizers to know") String description) {
}
