package dev.mentorship.notification.preference;

/** Which optional notices a person wants by email, and whether in one daily digest: what they choose. */
public record EmailChoices(boolean deadlines, boolean meetings, boolean inactivity, boolean dailyDigest) {
}
