package dev.mentorship.notification.subscription.rest;

import dev.mentorship.notification.subscription.ProgramSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A program I follow, as the API shows it. */
public record SubscriptionView(UUID programId,
                               @Schema(description = "e.g. ML4H 2025") String programName,
                               @Schema(description = "the conference whose edition it is, e.g. ML4H; null when not known") String conference,
                               Instant followedAt) {

    public static SubscriptionView of(ProgramSubscription s) {
        return new SubscriptionView(s.programId(), s.programName(), s.conference(), s.followedAt());
    }
}
