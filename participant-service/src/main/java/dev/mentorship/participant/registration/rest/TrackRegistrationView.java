package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.registration.TrackRegistration;
import dev.mentorship.participant.profile.rest.ProfileView;
import dev.mentorship.participant.profile.rest.SelfIdentificationView;

/** A registration as organizers see it: with the person's profile, their self-identification, and why they withdrew. */
public record TrackRegistrationView(RegistrationView registration, ProfileView participant,
                                    SelfIdentificationView selfIdentification, String withdrawalReason) {

    public static TrackRegistrationView of(TrackRegistration row) {
        return new TrackRegistrationView(RegistrationView.of(row.registration()),
                row.participant() == null ? null : ProfileView.of(row.participant()),
                SelfIdentificationView.of(row.selfIdentification()), row.registration().withdrawalReason);
    }
}
