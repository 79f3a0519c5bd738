package dev.mentorship.notification.preference;

/**
 * Which optional notices a person wants by email, and whether in one daily digest: what they choose. {@code programNews}
 * (the application deadlines of programs they follow or took part in before) and {@code announcements} (the organizers'
 * announcements) null: as it was.
 */
public record EmailChoices(boolean deadlines, boolean meetings, boolean inactivity, boolean dailyDigest, Boolean programNews,
                           Boolean announcements) {

    public EmailChoices(boolean deadlines, boolean meetings, boolean inactivity, boolean dailyDigest, Boolean programNews) {
        this(deadlines, meetings, inactivity, dailyDigest, programNews, null);
    }
}
