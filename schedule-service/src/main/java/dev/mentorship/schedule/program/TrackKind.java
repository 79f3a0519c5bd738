package dev.mentorship.schedule.program;

/** The three kinds of mentorship a program offers. */
public enum TrackKind { AUTHOR, REVIEWER, CAREER }
