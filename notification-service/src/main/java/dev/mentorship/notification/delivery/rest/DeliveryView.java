package dev.mentorship.notification.delivery.rest;

import dev.mentorship.notification.delivery.EmailDelivery;

import java.time.Instant;
import java.util.UUID;

/** An email delivery as organizers see it. */
public record DeliveryView(UUID id, UUID recipientId, String email, String kind, String subject,
                           EmailDelivery.Status status, int attempts, String lastError, Instant createdAt,
                           Instant sentAt, String eventId, String eventType, Instant nextAttemptAt) {

    public static DeliveryView of(EmailDelivery d) {
        return new DeliveryView(d.id, d.recipientId, d.email, d.kind, d.subject, d.status, d.attempts, d.lastError,
                d.createdAt, d.sentAt, d.eventId, d.eventType, d.status == EmailDelivery.Status.PENDING ? d.nextAttemptAt : null);
    }
}
