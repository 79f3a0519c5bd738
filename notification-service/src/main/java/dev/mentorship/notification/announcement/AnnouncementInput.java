package dev.mentorship.notification.announcement;

import dev.mentorship.runtime.text.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * An announcement as an organizer writes it: a one-line subject, a plain-text body (paragraphs separated by blank
 * lines; it is never read as HTML), its audience, when (absent: now) and whether it is essential (then it is mailed
 * to everyone in the audience, whatever their email choices, and says so).
 */
public record AnnouncementInput(
        @NotBlank @SingleLine @Size(max = SUBJECT_MAX) @Schema(description = "the mail's subject, one line", maxLength = SUBJECT_MAX)
        String subject,
        @NotBlank @Size(max = BODY_MAX) @Schema(description = "plain text; paragraphs separated by a blank line; never read as HTML",
                maxLength = BODY_MAX)
        String body,
        @NotNull @Valid @Schema(description = "whom it is for; every field optional (none: every active registration of the program)")
        AudienceInput audience,
        @Schema(description = "when it goes out (UTC instant); absent: now") Instant sendAt,
        @Schema(description = "mailed to everyone in the audience even if they turned announcements off; the mail says so "
                + "(default false)") Boolean essential) {

    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 20_000;

    /** Whom of the program's registrations: a track (else all), a role (else both), a status (else every active one). */
    public record AudienceInput(
            @Schema(description = "a track of the program; absent: the whole program") UUID trackId,
            @Schema(description = "MENTOR or MENTEE; absent: both") Announcement.Role role,
            @Schema(description = "MATCHED (paired and not dissolved: a pairing on, or one that ended with the track's part of the "
                    + "season), WAITLISTED (mentees waiting for a mentor; not with the role MENTOR), WITHDRAWN (withdrew, with no "
                    + "active registration left in the track, or in the program when no track is given), LATE (registered after "
                    + "the application deadline); absent: every active registration. LATE, MATCHED and WAITLISTED are known from "
                    + "the events this service read since it was upgraded to keep them (see the preview's note)")
            Announcement.Status status) {

        public Announcement.Audience audience() {
            return new Announcement.Audience(trackId, role, status);
        }
    }

    public boolean essentialOrFalse() {
        return essential != null && essential;
    }
}
