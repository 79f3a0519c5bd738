package dev.mentorship.schedule.meeting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;

/** How meetings are planned and followed (mentorship.meetings.*). */
@ConfigMapping(prefix = "mentorship.meetings")
public interface MeetingsConfig {

    /** AUTHOR: how many meetings a pairing is proposed. */
    @WithDefault("4")
    int authorMeetings();

    /** AUTHOR: one meeting every ... */
    @WithDefault("P14D")
    Duration authorSpacing();

    /** No meeting is proposed sooner than this after the pairing. */
    @WithDefault("P2D")
    Duration minimumNotice();

    /** Reasonable local hours: a proposed meeting starts and ends between these, in each member's time zone. */
    @WithDefault("08:00")
    LocalTime dayStart();

    @WithDefault("20:00")
    LocalTime dayEnd();

    @WithDefault("PT1H")
    Duration duration();

    /** Both members are reminded this long before a confirmed meeting. */
    @WithDefault("P1D")
    Duration reminderLead();

    /** AUTHOR: the mentee is reminded to send the current draft this long before each meeting. */
    @WithDefault("P3D")
    Duration draftLead();

    /** A pairing with no meeting held (nor confirmed, nor moved) for this long is reported inactive. */
    @WithDefault("P21D")
    Duration inactivity();

    /** How often inactive pairings are looked for (read by its schedule). */
    @WithDefault("1h")
    String inactivityCheck();

    /** Where this service is reached from outside: calendar feed and .ics links. */
    @WithDefault("http://127.0.0.1:8083")
    String publicBaseUrl();

    /** The ORGANIZER of meeting invitations. */
    @WithDefault("mentorship@127.0.0.1")
    String organizerEmail();

    default MeetingPlanner.Settings settings() {
        return new MeetingPlanner.Settings(authorMeetings(), authorSpacing(), minimumNotice(),
                new SlotFinder.Rules(dayStart(), dayEnd(), duration(), Duration.ofMinutes(30)));
    }
}
