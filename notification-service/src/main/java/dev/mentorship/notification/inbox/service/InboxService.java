package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.Notification;
import dev.mentorship.notification.inbox.repository.NotificationRepository;
import dev.mentorship.runtime.paging.Page;
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
    public Uni<Long> unread(UUID recipientId) {
        return notifications.count("recipientId = ?1 and readAt is null", recipientId);
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<Notification> mark(UUID recipientId, UUID id, boolean read) {
        return notifications.findById(id).chain(n -> {
            if (n == null || !n.recipientId.equals(recipientId)) {
                return Uni.createFrom().failure(new jakarta.ws.rs.NotFoundException("You have no message " + id + "."));
            }
            n.readAt = read ? (n.readAt != null ? n.readAt : java.time.Instant.now()) : null;
            return Uni.createFrom().item(n);
        });
    }

    @io.quarkus.hibernate.reactive.panache.common.WithTransaction
    public Uni<Integer> readAll(UUID recipientId) {
        return notifications.update("readAt = ?1 where recipientId = ?2 and readAt is null", java.time.Instant.now(), recipientId);
    }

    @WithSession
    public Uni<Page<Notification>> inboxOf(UUID recipientId, boolean unreadOnly, int page, int size) {
        return Page.of(notifications.findByRecipient(recipientId, unreadOnly), page, size);
    }
}
