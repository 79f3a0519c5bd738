package dev.mentorship.participant.registration;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mentorship.participant.profile.DatedInterval;
import dev.mentorship.runtime.text.SingleLine;
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
        AUTHOR or REVIEWER mentor: expertise, capacity. REVIEWER mentee: reviewingExperience, areas, \
        assignedReviewer (must be true: the track is for reviewers of the conference with assigned papers). \
        CAREER mentee: topics, oneOnOneAvailability. CAREER mentor: topics, oneOnOneAvailability, capacity. \
        Career topics: the track's suggestedTopics are examples, any topic may be named (at most 10, one line of \
        at most 80 characters each); a topic that is a suggested one in another spelling takes the suggested spelling.""")
public record Answers(
        @Size(max = 300) String paperTitle,
        @Size(max = 3000) String paperSummary,
        Boolean intendsToSubmit,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> expertise,
        @Min(1) @Max(20) Integer capacity,
        ReviewingExperience reviewingExperience,
        @Size(max = 30) List<@NotBlank @Size(max = 80) String> areas,
        @Size(max = Answers.MAX_TOPICS, message = "must name at most " + Answers.MAX_TOPICS + " topics: the ones that matter most to you")
        @Schema(description = "CAREER: the topics to talk about; the track's suggestedTopics or your own words",
                example = "[\"work-life balance\", \"moving from a PhD to industry\"]")
        List<@NotBlank @Size(max = Answers.MAX_TOPIC_LENGTH, message = "must be at most " + Answers.MAX_TOPIC_LENGTH
                + " characters: a topic is a few words") @SingleLine String> topics,
        @Size(max = 60) List<@Valid DatedInterval> oneOnOneAvailability,
        @Schema(description = "REVIEWER mentee: must be true, the reviewer track is for reviewers of the conference "
                + "with papers assigned to review")
        Boolean assignedReviewer) {

    /** At most this many career topics per registration. */
    public static final int MAX_TOPICS = 10;
    /** At most this many characters per career topic. */
    public static final int MAX_TOPIC_LENGTH = 80;

    public static final Answers NONE = new Answers(null, null, null, null, null, null, null, null, null, null);

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
