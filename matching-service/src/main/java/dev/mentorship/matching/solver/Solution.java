package dev.mentorship.matching.solver;

import java.time.Duration;

/**
 * An optimal assignment: {@code mentorOf[i]} is mentee i's mentor, or -1. {@code objective} is what the solver
 * optimised (matched mentees first where asked, then the total score), {@code pricingRounds} how many times the
 * candidate arcs had to be widened before the optimality check passed.
 */
public record Solution(int[] mentorOf, int matched, double totalScore, double lowestScore, int[] load,
                       Unmatched[] unmatchedReason, Duration solverTime, long arcs, int pricingRounds, String method) {

    /** Why a mentee has no mentor. */
    public enum Unmatched {
        /** Matched. */
        NONE,
        /** Every mentor they could be paired with is full. */
        NO_CAPACITY,
        /** No mentor may be paired with them (exclusions, policy). */
        NO_COMPATIBLE_MENTOR
    }
}
