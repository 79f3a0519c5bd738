package dev.mentorship.schedule.program;

/** The role of a registration in a track; a milestone's audience is a set of these. */
public enum Role { MENTOR, MENTEE }
