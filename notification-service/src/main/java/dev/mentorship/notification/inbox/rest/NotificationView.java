package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.Notification;

import java.time.Instant;
import java.util.UUID;

/** An inbox message as the API shows it. */
public record NotificationView(UUID id, String kind, String category, String subject, String body, Instant createdAt,
                               Instant readAt, boolean read) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.category, n.subject, n.body, n.createdAt, n.readAt, n.readAt != null);
    }
}
