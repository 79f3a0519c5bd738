package dev.mentorship.participant.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mentorship.participant.profile.DatedInterval;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a registration answers for its track and role. Which fields are asked depends on both
 * (see {@code AnswerRules}); a field that is not asked is refused rather than silently dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = """
        Role- and track-specific answers. AUTHOR mentee: paperTitle, paperSummary, intendsToSubmit (must be true). \
        AUTHOR or REVIEWER mentor: expertise, capacity. REVIEWER mentee: reviewingExperience, areas. \
        CAREER mentee: topics (from the track's list), oneOnOneAvailability. \
        CAREER mentor: topics, oneOnOneAvailability, capacity.""")
public record Answers(
        @Size(max = 300) String paperTitle,
        @Size(max = 3000) String paperSummary,
        Boolean intendsToSubmit,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> expertise,
        @Min(1) @Max(20) Integer capacity,
        ReviewingExperience reviewingExperience,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> areas,
        @Size(max = 20) List<@NotBlank @Size(max = 120) String> topics,
        @Size(max = 60) List<@Valid DatedInterval> oneOnOneAvailability) {

    public static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, null);

    /** How much reviewing a reviewer mentee has done. */
    public enum ReviewingExperience {
        /** Never reviewed a paper. */
        NONE,
        /** One to five reviews. */
        FEW,
        /** Six to twenty reviews. */
        SEVERAL,
        /** More than twenty reviews. */
        MANY
    }
}
