package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.Notification;
import dev.mentorship.notification.inbox.repository.NotificationRepository;
import dev.mentorship.notification.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class InboxService {

    private final NotificationRepository notifications;

    public InboxService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @WithSession
    public Uni<Page<Notification>> inboxOf(UUID recipientId, boolean unreadOnly, int page, int size) {
        return Page.of(notifications.findByRecipient(recipientId, unreadOnly), page, size);
    }
}
