package dev.mentorship.matching.solver;

/**
 * The scores of every mentee–mentor pair of one track: a number in [0, 1], or {@link Double#NaN} where the pair is
 * excluded (the same person, a forbidden pair, a rule of the track's policy). Must be safe to call from several
 * threads.
 */
public interface PairScores {

    int mentees();

    int mentors();

    /** How many mentees mentor {@code j} can take. */
    int capacity(int mentor);

    double score(int mentee, int mentor);
}
