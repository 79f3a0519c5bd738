package dev.mentorship.participant.profile;

import java.time.ZoneId;
import java.util.Set;

/** A person's time zone is an IANA region id (Europe/Berlin, America/Los_Angeles) or UTC. */
public final class TimeZones {

    private static final Set<String> KNOWN = ZoneId.getAvailableZoneIds();

    private TimeZones() {
    }

    public static boolean isKnown(String zone) {
        return zone != null && (KNOWN.contains(zone) || "UTC".equals(zone));
    }
}
