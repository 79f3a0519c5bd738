package dev.mentorship.schedule.program;

import java.util.List;

/** What a milestone is. A point is one instant (a deadline); a window is a period with a first and last date. */
public enum MilestoneType {
    APPLICATION_DEADLINE(false),
    PAIRING_RELEASE(false),
    FIRST_CONTACT_DUE(false),
    SUBMISSION_DEADLINE(false),
    PAPERS_SHARE_DUE(false),
    DRAFT_SHARE_DUE(false),
    INITIAL_REVIEW_DUE(false),
    REVISED_REVIEW_DUE(false),
    SURVEY_DUE(false),
    GROUP_SESSION(false),
    OTHER_DEADLINE(false),
    MEETING_PERIOD(true),
    REVIEW_PERIOD(true),
    FEEDBACK_SESSION_WINDOW(true),
    DISCUSSION_PERIOD(true),
    /** While a survey is open; its due date is a SURVEY_DUE (the reminders count back from that one). */
    SURVEY_PERIOD(true),
    ONE_ON_ONE_WEEK(true),
    OTHER_PERIOD(true);

    /** Pairs (earlier, later) whose order the seeds imply: the earlier one ends before the later one begins. */
    public static final List<List<MilestoneType>> ORDER = List.of(
            List.of(APPLICATION_DEADLINE, PAIRING_RELEASE),
            List.of(PAIRING_RELEASE, FIRST_CONTACT_DUE),
            List.of(PAIRING_RELEASE, MEETING_PERIOD),
            List.of(PAIRING_RELEASE, SUBMISSION_DEADLINE),
            List.of(MEETING_PERIOD, SUBMISSION_DEADLINE),
            List.of(PAIRING_RELEASE, PAPERS_SHARE_DUE),
            List.of(PAPERS_SHARE_DUE, DRAFT_SHARE_DUE),
            List.of(DRAFT_SHARE_DUE, FEEDBACK_SESSION_WINDOW),
            List.of(FEEDBACK_SESSION_WINDOW, INITIAL_REVIEW_DUE),
            List.of(INITIAL_REVIEW_DUE, DISCUSSION_PERIOD),
            List.of(INITIAL_REVIEW_DUE, REVISED_REVIEW_DUE),
            List.of(DISCUSSION_PERIOD, REVISED_REVIEW_DUE),
            List.of(REVISED_REVIEW_DUE, SURVEY_DUE),
            List.of(PAIRING_RELEASE, SURVEY_PERIOD),
            List.of(SURVEY_PERIOD, SURVEY_DUE),
            List.of(PAIRING_RELEASE, GROUP_SESSION),
            List.of(PAIRING_RELEASE, ONE_ON_ONE_WEEK));

    public final boolean window;

    MilestoneType(boolean window) {
        this.window = window;
    }
}
