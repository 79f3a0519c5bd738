package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.Notification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An inbox message as the API shows it. */
public record NotificationView(UUID id, String kind, String category, String subject, String body,
                               @Schema(description = "Where the message leads in the frontend, the same deep link as its email "
                                       + "(…/pairings/{pairingId}, …/meetings/{meetingId}, …/inbox); null for older messages")
                               String link,
                               Instant createdAt, Instant readAt, boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.category, n.subject, n.body, n.link, n.createdAt, n.readAt, n.readAt != null);
    }
}
