package dev.mentorship.notification.delivery.service;

import dev.mentorship.notification.delivery.EmailDelivery;
import dev.mentorship.notification.delivery.repository.EmailDeliveryRepository;
import dev.mentorship.runtime.paging.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeliveryService {

    private final EmailDeliveryRepository deliveries;

    public DeliveryService(EmailDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @WithSession
    public Uni<Page<EmailDelivery>> list(EmailDelivery.Status status, int page, int size) {
        return Page.of(deliveries.findByStatus(status), page, size);
    }
}
