package dev.mentorship.notification.preference;

import dev.mentorship.notification.fanout.Message.Category;

/**
 * What a one-click unsubscribe link turns off: one optional kind of notice, or (from a daily digest, which gathers
 * them all) every optional kind. Notices that cannot be turned off (registration, pairing, conduct) have none.
 */
public enum OptOut {
    DEADLINES("deadline reminders and moved deadlines"),
    MEETINGS("meeting confirmations, changes and reminders, and draft reminders"),
    INACTIVITY("reminders about pairings that have not met for a while"),
    PROGRAM_NEWS("application deadlines of programs you follow and of new editions of programs you took part in"),
    ANNOUNCEMENTS("announcements from the organizers of your programs"),
    ALL("the optional notices (deadlines, meetings, inactive pairings, news of programs, announcements)");

    /** As people read it: "deadline reminders and moved deadlines". */
    public final String description;

    OptOut(String description) {
        this.description = description;
    }

    /** The opt-out of a category's notices; null for a category that cannot be turned off. */
    public static OptOut of(Category category) {
        return switch (category) {
            case DEADLINES -> DEADLINES;
            case MEETINGS -> MEETINGS;
            case INACTIVITY -> INACTIVITY;
            case PROGRAM_NEWS -> PROGRAM_NEWS;
            case ANNOUNCEMENTS -> ANNOUNCEMENTS;
            default -> null;
        };
    }
}
