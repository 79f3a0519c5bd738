package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.pairing.service.PairingService;
import dev.mentorship.matching.registration.Registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A mentee on a track's waitlist, at their position. */
public record WaitlistView(int position, UUID registrationId, UUID participantId, String name, boolean priority,
                           boolean late, String reason, Instant waitlistedAt) {

    /** The waitlist, position 1 first. */
    public static List<WaitlistView> of(PairingService.Waitlist waitlist) {
        List<WaitlistView> views = new ArrayList<>();
        for (WaitlistEntry e : waitlist.inOrder()) {
            Registration r = waitlist.people().get(e.menteeRegistrationId);
            views.add(new WaitlistView(views.size() + 1, e.menteeRegistrationId, e.participantId,
                    r == null ? null : r.name, e.priority, r != null && r.late, e.reason, e.waitlistedAt));
        }
        return views;
    }
}
