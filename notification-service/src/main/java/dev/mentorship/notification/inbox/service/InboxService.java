package dev.mentorship.notification.inbox.service;

import dev.mentorship.notification.inbox.Notification;
import dev.mentorship.runtime.paging.Page;
import dev.mentorship.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** A person's in-app inbox: read it, count what is unread, mark messages read or unread. */
@ApplicationScoped
public class InboxService {

    @WithSession
    public Uni<Long> unread(UUID recipientId) {
        return Notification.countUnread(recipientId);
    }

    @WithTransaction
    public Uni<Notification> mark(UUID recipientId, UUID id, boolean read) {
        return Notification.<Notification>findById(id).chain(n -> {
            if (n == null || !n.recipientId.equals(recipientId)) {
                return Uni.createFrom().failure(ProblemException.notFound("You have no message " + id + "."));
            }
            n.readAt = read ? (n.readAt != null ? n.readAt : Instant.now()) : null;
            return Uni.createFrom().item(n);
        });
    }

    @WithTransaction
    public Uni<Integer> readAll(UUID recipientId) {
        return Notification.markAllRead(recipientId, Instant.now());
    }

    @WithSession
    public Uni<Page<Notification>> inboxOf(UUID recipientId, boolean unreadOnly, int page, int size) {
        return Page.of(Notification.findByRecipient(recipientId, unreadOnly), page, size);
    }
}
