package dev.mentorship.matching.track.rest;

import dev.mentorship.matching.track.PolicySettings;
import dev.mentorship.matching.track.TrackPolicy;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A track's matching policy as organizers read and write it. */
public record PolicyView(
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "AUTHOR/REVIEWER: weight of shared keywords") Double weightKeywords,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "AUTHOR/REVIEWER: weight of free-text similarity") Double weightText,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "CAREER: weight of shared topics") Double weightTopics,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "CAREER: weight of shared hours") Double weightHours,
        @NotNull @Schema(description = "never pair people of the same affiliation") Boolean excludeSameAffiliation,
        @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "pairs scoring under this are not proposed") Double minimumScore,
        @NotNull @DecimalMin("0") @DecimalMax("168") @Schema(description = "CAREER: hours both must be free") Double minimumSharedHours,
        @NotNull @Min(0) @Max(20) @Schema(description = "the load aimed for per mentor (CAREER: 3, \"we aim for 3-4 mentees per mentor\"): as few mentors as possible get fewer, never at the cost of a mentee left unmatched; 0 or 1: no aim") Integer minimumLoad,
        @NotNull @Schema(description = "after publishing: pair at once, or propose to an organizer") TrackPolicy.Rolling rolling,
        @NotNull @Schema(description = "mentees with the priority flag are served first from the waitlist") Boolean priorityFirst) {

    public static PolicyView of(PolicySettings s) {
        return new PolicyView(s.weightKeywords(), s.weightText(), s.weightTopics(), s.weightHours(), s.excludeSameAffiliation(),
                s.minimumScore(), s.minimumSharedHours(), s.minimumLoad(), s.rolling(), s.priorityFirst());
    }

    /** The settings asked for; valid (its constraints checked) before it is called. */
    public PolicySettings settings() {
        return new PolicySettings(weightKeywords, weightText, weightTopics, weightHours, excludeSameAffiliation,
                minimumScore, minimumSharedHours, minimumLoad, rolling, priorityFirst);
    }
}
