package dev.mentorship.participant.registration.rest;

import dev.mentorship.participant.profile.rest.ProfileView;
import dev.mentorship.participant.profile.rest.SelfIdentificationView;

/** A registration as organizers see it: with the person's profile, their self-identification, and why they withdrew. */
public record TrackRegistrationView(RegistrationView registration, ProfileView participant,
                                    SelfIdentificationView selfIdentification, String withdrawalReason) {
}
