package dev.mentorship.participant.registration;

/** What an organizer filters a track's registrations by; null means any. */
public record TrackFilter(Registration.Role role, Registration.Status status, Boolean late, Boolean priority, String text) {

    public static final TrackFilter ALL = new TrackFilter(null, null, null, null, null);
}
