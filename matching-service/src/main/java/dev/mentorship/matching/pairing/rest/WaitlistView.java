package dev.mentorship.matching.pairing.rest;

import dev.mentorship.matching.pairing.WaitlistEntry;
import dev.mentorship.matching.pairing.service.PairingService;
import dev.mentorship.matching.registration.Registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A mentee on a track's waitlist, at their position. {@code priority} is confidential (derived from
 * self-identification): only organizers with the program's confidential grant see it, for the others it is absent.
 */
public record WaitlistView(int position, UUID registrationId, UUID participantId, String name, Boolean priority,
                           boolean late, String reason, Instant waitlistedAt) {

    /** The waitlist, position 1 first; {@code confidential}: the reader holds the confidential grant. */
    public static List<WaitlistView> of(PairingService.Waitlist waitlist, boolean confidential) {
        List<WaitlistView> views = new ArrayList<>();
        for (WaitlistEntry e : waitlist.inOrder()) {
            Registration r = waitlist.people().get(e.menteeRegistrationId);
            views.add(new WaitlistView(views.size() + 1, e.menteeRegistrationId, e.participantId,
                    r == null ? null : r.name, confidential ? e.priority : null, r != null && r.late, e.reason, e.waitlistedAt));
        }
        return views;
    }
}
