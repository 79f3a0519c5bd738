package dev.mentorship.notification.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * A person follows a program ("tell me about this program"): they get its application-deadline reminders, unless
 * they turned program news off. {@code conference} null: none known.
 */
public record ProgramSubscription(UUID programId, String programName, String conference, Instant followedAt) {
}
