package dev.mentorship.notification.delivery.service;

import dev.mentorship.notification.delivery.EmailDelivery;
import dev.mentorship.runtime.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The organizers' log of deliveries. */
@ApplicationScoped
public class DeliveryService {

    @WithSession
    public Uni<Page<EmailDelivery>> list(EmailDelivery.Status status, int page, int size) {
        return Page.of(EmailDelivery.findByStatus(status), page, size);
    }
}
