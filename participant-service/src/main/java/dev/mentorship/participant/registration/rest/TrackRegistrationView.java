package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.TrackRegistration;
import dev.mentorship.participant.profile.rest.ProfileView;
import dev.mentorship.participant.profile.rest.SelfIdentificationView;

/**
 * A registration as the program's organizers see it: with the person's profile and why they withdrew; with their
 * self-identification only for organizers who hold the program's confidential grant.
 */
public record TrackRegistrationView(RegistrationView registration, ProfileView participant,
                                    SelfIdentificationView selfIdentification, String withdrawalReason) {

    /**
     * {@code confidential}: the reader holds the program's confidential grant; without it the self-identification and
     * the priority derived from it are left out.
     */
    public static TrackRegistrationView of(TrackRegistration row, boolean confidential) {
        RegistrationView registration = RegistrationView.of(row.registration());
        return new TrackRegistrationView(confidential ? registration : registration.withoutConfidential(),
                row.participant() == null ? null : ProfileView.of(row.participant()),
                confidential ? SelfIdentificationView.of(row.selfIdentification()) : null,
                row.registration().withdrawalReason);
    }
}
