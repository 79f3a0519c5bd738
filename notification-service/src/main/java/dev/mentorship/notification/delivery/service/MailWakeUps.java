package dev.mentorship.notification.delivery.service;

import dev.mentorship.runtime.persistence.PgNotifications;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Wakes the mail sender when mails are queued in any replica (a trigger on {@code email_delivery} notifies on commit,
 * V15), so a mail leaves as soon as it is queued; the sender's own polling ({@code send-interval}) is the fallback.
 */
@ApplicationScoped
class MailWakeUps {

    static final String CHANNEL = "email_delivery";

    void start(@Observes StartupEvent event, PgNotifications notifications, MailSender sender) {
        notifications.subscribe(CHANNEL, sender::wakeUp);
    }
}
