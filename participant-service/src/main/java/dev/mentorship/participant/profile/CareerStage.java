package dev.mentorship.participant.profile;

/** Where a person stands in their career. */
public enum CareerStage {
    UNDERGRADUATE_STUDENT,
    MASTERS_STUDENT,
    PHD_STUDENT,
    POSTDOC,
    EARLY_CAREER_RESEARCHER,
    SENIOR_RESEARCHER,
    FACULTY,
    INDUSTRY_RESEARCHER,
    CLINICIAN,
    OTHER
}
