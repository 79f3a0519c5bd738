package dev.mentorship.schedule.survey.model;

import java.util.List;

/** A question of a survey as kept (JSON in the survey's row) and shown: options for SINGLE and MULTIPLE only. */
public record Question(String key, String text, QuestionType type, List<String> options, boolean required) {

    /** The longest free-text answer accepted, in characters. */
    public static final int MAX_TEXT = 4000;
}
