package dev.mentorship.notification.delivery.repository;

import dev.mentorship.notification.delivery.EmailDelivery;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class EmailDeliveryRepository implements PanacheRepositoryBase<EmailDelivery, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    public PanacheQuery<EmailDelivery> findByStatus(EmailDelivery.Status status) {
        return status == null ? findAll(NEWEST_FIRST) : find("status", NEWEST_FIRST, status);
    }
}
