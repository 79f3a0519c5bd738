package dev.mentorship.notification.inbox.rest;

import dev.mentorship.notification.inbox.Notification;

import java.time.Instant;
import java.util.UUID;

/** An inbox message as the API shows it. */
public record NotificationView(UUID id, String kind, String subject, String body, Instant createdAt, Instant readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.subject, n.body, n.createdAt, n.readAt);
    }
}
