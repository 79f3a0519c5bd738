package dev.mentorship.notification.delivery.service;

import dev.mentorship.notification.delivery.EmailDelivery;
import dev.mentorship.runtime.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/** Each program's log of deliveries, for its organizers. */
@ApplicationScoped
public class DeliveryService {

    @WithSession
    public Uni<Page<EmailDelivery>> list(UUID programId, EmailDelivery.Status status, int page, int size) {
        return Page.of(EmailDelivery.ofProgram(programId, status), page, size);
    }
}
