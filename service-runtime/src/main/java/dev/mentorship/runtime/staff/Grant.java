package dev.mentorship.runtime.staff;

/** What a member of a program's staff may do in that program (and nowhere else). */
public enum Grant {
    /** Runs the program: tracks, milestones, registrations, matching, pairings, deliveries, staff, the audit log. */
    ORGANIZER,
    /** Receives and reads the program's conduct reports (never one that names them). */
    CONDUCT_CONTACT,
    /** Reads what participants confide (self-identification), with the organizer grant. */
    CONFIDENTIAL
}
