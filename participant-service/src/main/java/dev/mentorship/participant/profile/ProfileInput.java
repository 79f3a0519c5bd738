package dev.mentorship.participant.profile;

import dev.mentorship.participant.profile.CareerStage;
import dev.mentorship.participant.profile.WeeklyInterval;
import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A person's profile as they write it. Their email comes from their account, not from here. */
public record ProfileInput(
        @Size(max = 200) @SingleLine @Schema(description = "How to address you; your account's name if left out") String name,
        @NotBlank @Size(max = 200) @SingleLine String affiliation,
        @NotNull CareerStage careerStage,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", example = "Europe/Berlin") String timeZone,
        @Size(max = 30) @Schema(description = "Research interests as keywords (normalised: lower case, one spelling)")
        List<@NotBlank @Size(max = 80) String> interests,
        @Size(max = 2000) @Schema(description = "Research interests in your own words") String interestsText,
        @Size(max = 50) @Schema(description = "When you are available each week, in your time zone")
        List<@Valid @NotNull WeeklyInterval> availability) {
}
