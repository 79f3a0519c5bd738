package dev.mentorship.participant.registration;

import dev.mentorship.participant.profile.Participant;
import dev.mentorship.participant.profile.SelfIdentification;

/**
 * A registration as the track's organizers work with it: with the person's profile (null if they have none) and
 * their self-identification (null if they gave none).
 */
public record TrackRegistration(Registration registration, Participant participant, SelfIdentification selfIdentification) {
}
