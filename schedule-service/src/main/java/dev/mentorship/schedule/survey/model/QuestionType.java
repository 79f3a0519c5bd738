package dev.mentorship.schedule.survey.model;

/** What a survey question asks for: a rating from 1 to 5, one or several of its options, or free text. */
public enum QuestionType { RATING, SINGLE, MULTIPLE, TEXT }
