package dev.mentorship.schedule.program;

import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A program edition as organizers write it, and as the shipped program files ({@code programs/ml4h-2025.json})
 * hold it: its tracks, and each track's milestones as dates in a time zone ("AoE" unless a zone is named). The body
 * of {@code POST /programs} and what {@code ProgramService} creates a draft from; {@code ProgramRules} checks what
 * the annotations cannot.
 */
@Schema(name = "ProgramDefinition")
public record ProgramDefinition(
        @NotBlank @Size(max = 100) @SingleLine String conference,
        @NotBlank @Size(max = 200) @SingleLine String name,
        @Size(max = 4000) String description,
        @Schema(description = "AoE (the default) or an IANA time zone, for milestones that name none")
        @Size(max = 64) String timeZone,
        @Schema(description = "Where this program's participants use the platform (the frontend's public origin, an absolute "
                + "https or http URL, e.g. https://mentorship.ml4h.cc): the links in its mails lead there. None: the "
                + "deployment's default")
        @Size(max = 500) String frontendUrl,
        @NotNull @Valid CodeOfConduct codeOfConduct,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid TrackDefinition> tracks) {

    public record CodeOfConduct(
            @NotBlank @Size(max = 200) @SingleLine String title,
            @NotBlank @Size(max = 64) String version,
            @Schema(description = "Where the code of conduct is published") @Size(max = 500) String url,
            @Schema(description = "The address where the program has violations reported, e.g. info@ml4h.cc; none if the "
                    + "program names none (reports then reach its conduct contacts through the platform's report form)")
            @Email @Size(max = 320) String reportContact) {
    }

    public record TrackDefinition(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
            @NotNull TrackKind kind,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @Size(max = 4000) String description,
            @Schema(description = "Registrations after the application deadline are accepted, marked late, until registrationClosesOn")
            boolean rolling,
            @Schema(description = "Last day registrations are accepted (rolling tracks); else the application deadline")
            LocalDate registrationClosesOn,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> topics,
            @Min(1) @Max(50) Integer menteesPerMentorMin,
            @Min(1) @Max(50) Integer menteesPerMentorMax,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid MilestoneDefinition> milestones,
            @Schema(description = "The track's surveys (e.g. ML4H's reviewer survey, October 17 to November 20): who answers, "
                    + "the milestones that open and close it, anonymous or not, its questions. None: the track asks nothing")
            @Size(max = 10) List<@NotNull @Valid SurveyDefinition> surveys) {
    }

    /**
     * A survey of a track: it opens at the start of its {@code opensWith} milestone's (first) date and closes at its
     * {@code closesWith} milestone's instant (a deadline of the track; AoE like the others). An anonymous survey keeps who
     * answered apart from what they answered and shows organizers only groups of five or more.
     */
    public record SurveyDefinition(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
            @NotBlank @Size(max = 200) @SingleLine String title,
            @Size(max = 4000) String description,
            @Schema(description = "Who answered is kept apart from what was answered; results only after it closes, groups under five hidden")
            boolean anonymous,
            @Schema(description = "The roles of the track that answer it") @NotEmpty Set<@NotNull Role> audience,
            @Schema(description = "The key of the milestone of this track that opens it (at the start of its first date)")
            @NotBlank @Size(max = 64) String opensWith,
            @Schema(description = "The key of the deadline of this track that closes it (at its instant); its lead times remind "
                    + "those who have not answered, instead of its own deadline reminders")
            @NotBlank @Size(max = 64) String closesWith,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid QuestionDefinition> questions) {
    }

    /** A question: RATING (1 to 5), SINGLE or MULTIPLE choice among {@code options}, or free TEXT. */
    public record QuestionDefinition(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
            @NotBlank @Size(max = 1000) @SingleLine String text,
            @NotNull dev.mentorship.schedule.survey.model.QuestionType type,
            @Schema(description = "SINGLE and MULTIPLE only: the choices (2 to 20, distinct)")
            @Size(max = 20) List<@NotBlank @Size(max = 200) @SingleLine String> options,
            @Schema(description = "Whether every answer must answer it") boolean required) {
    }

    public record MilestoneDefinition(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull MilestoneType type,
            @Schema(description = "The date of a deadline, or the first date of a period") @NotNull LocalDate date,
            @Schema(description = "The last date of a period; none for a deadline") LocalDate endDate,
            @Schema(description = "Time of day of a deadline; none: the end of the day") LocalTime time,
            @Size(max = 64) String timeZone,
            @NotEmpty Set<@NotNull Role> audience,
            @Schema(description = "Lead times as ISO-8601 durations, e.g. [\"P7D\", \"P1D\"]")
            @Size(max = 10) List<@NotNull @Pattern(regexp = "P(T?\\d+[DHM])+", message = "must be an ISO-8601 duration such as P7D or PT12H") String> reminders,
            @Size(max = 4000) String description,
            @Schema(description = "Extensions already announced, in order, each moving the milestone to new dates")
            @Size(max = 10) List<@NotNull @Valid Extension> extensions,
            @Schema(description = "GROUP_SESSION only: its sessions (e.g. two one-hour online workshops on its day), each "
                    + "starting within the milestone's day in its time zone; participants choose one or more. None: "
                    + "the sessions are still to be announced (organizers add them later)")
            @Size(max = 20) List<@NotNull @Valid SessionDefinition> sessions) {
    }

    /**
     * A session of a group-session milestone. {@code startsAt} is an ISO-8601 instant with its offset
     * ("2024-11-21T14:00:00Z"): online sessions are announced as a time somewhere, and an instant cannot be misread
     * whichever zone the milestone's date is in (AoE, usually); it must fall within the milestone's day in that zone.
     */
    public record SessionDefinition(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes") String key,
            @Schema(description = "The start, an ISO-8601 instant such as 2024-11-21T14:00:00Z") @NotNull java.time.Instant startsAt,
            @Schema(description = "Length in minutes (1 to 480)") @NotNull @Min(1) @Max(480) Integer durationMinutes,
            @Schema(description = "The https link to join; none while not announced") @Size(max = 500) String onlineUrl,
            @Schema(description = "Seats (at least 1)") @NotNull @Min(1) @Max(10000) Integer capacity) {
    }

    public record Extension(
            @NotNull LocalDate date,
            LocalDate endDate,
            LocalTime time,
            @NotBlank @Size(max = 1000) @SingleLine String reason) {
    }
}
