package dev.mentorship.notification.announcement.rest;

import dev.mentorship.notification.announcement.Announcement;
import dev.mentorship.notification.announcement.service.AnnouncementService.Report;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An announcement as its program's organizers see it, with its delivery report once it is sent. */
public record AnnouncementView(
        UUID id,
        UUID programId,
        String subject,
        String body,
        Announcement.Audience audience,
        boolean essential,
        Instant sendAt,
        @Schema(description = "SCHEDULED (waits for sendAt; may be cancelled), SENDING (inbox entries written, mails going out), "
                + "SENT (every mail settled: sent, failed or in a daily digest), CANCELLED") String status,
        @Schema(description = "how many people it reaches: counted now while scheduled, as reached once sent") int recipients,
        @Schema(description = "once sent: inbox entries, mails written, sent, failed, queued, in a digest, and people who "
                + "turned announcements off (inbox only)") Report report,
        UUID createdBy,
        Instant createdAt,
        Instant dispatchedAt,
        Instant cancelledAt) {

    public static AnnouncementView of(Announcement a, Integer countNow, Report report) {
        String status = switch (a.status) {
            case SCHEDULED -> "SCHEDULED";
            case CANCELLED -> "CANCELLED";
            case SENT -> report != null && report.queued() > 0 ? "SENDING" : "SENT";
        };
        int recipients = a.status == Announcement.Stored.SENT && a.recipients != null ? a.recipients : countNow == null ? 0 : countNow;
        return new AnnouncementView(a.id, a.programId, a.subject, a.body, a.audience(), a.essential, a.sendAt, status, recipients, report,
                a.createdBy, a.createdAt, a.dispatchedAt, a.cancelledAt);
    }
}
