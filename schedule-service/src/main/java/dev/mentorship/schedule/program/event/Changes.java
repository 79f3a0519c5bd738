package dev.mentorship.schedule.program.event;

import dev.mentorship.schedule.program.MilestoneChange;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a change reads to people: "extended from August 30 to September 1". */
public final class Changes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH);

    private Changes() {
    }

    public static String summary(MilestoneChange change) {
        String verb = change.newDueAt.isAfter(change.oldDueAt) ? "extended" : "moved";
        String from = DAY.format(change.oldDate) + (change.oldEndDate == null ? "" : " – " + DAY.format(change.oldEndDate));
        String to = DAY.format(change.newDate) + (change.newEndDate == null ? "" : " – " + DAY.format(change.newEndDate));
        if (from.equals(to)) {
            return verb + " from " + change.oldTime + " to " + change.newTime + " on " + to;
        }
        return verb + " from " + from + " to " + to;
    }
}
