package dev.mentorship.matching.benchmark;

import dev.mentorship.matching.scoring.Person;
import dev.mentorship.matching.scoring.TrackScores;
import dev.mentorship.matching.scoring.Weights;
import dev.mentorship.matching.solver.MatchingSolver;
import dev.mentorship.matching.solver.Solution;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The matching benchmark of the README: generated tracks of 2,000 mentees × 600 mentors and 20,000 × 6,000
 * (capacity 1–4), scored as an AUTHOR track and solved to optimality. Prints, per size: time to build the scores,
 * time to solve (candidates, min-cost flow, pricing rounds), the objective, the lowest pair score, mentor load and
 * unmatched mentees by reason. Run: see matching-service/README.md.
 */
public final class MatchingBenchmark {

    /** The career track's load aimed for ("3-4 mentees per mentor"). */
    static final int AIM = 3;

    public static void main(String[] args) {
        // "2000x600" an author-shaped track, "career:2000x600" a career-shaped one (topics, hours, 3 mentees aimed for)
        String[] asked = args.length > 0 ? args : new String[]{"2000x600", "20000x6000"};
        int[][] sizes = Arrays.stream(asked).map(a -> Arrays.stream(a.replace("career:", "").split("x"))
                .mapToInt(Integer::parseInt).toArray()).toArray(int[][]::new);
        System.out.printf(Locale.ROOT, "cores %d, max heap %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // a small warm-up, so that the first size is not timing the JIT and the native library load
        run(200, 60, false, false);
        if (Arrays.stream(asked).anyMatch(a -> a.startsWith("career:"))) {
            run(200, 60, true, false);
        }
        for (int s = 0; s < sizes.length; s++) {
            run(sizes[s][0], sizes[s][1], asked[s].startsWith("career:"), true);
        }
    }

    static void run(int menteeCount, int mentorCount, boolean career, boolean print) {
        SyntheticTrack generator = new SyntheticTrack(menteeCount * 31L + mentorCount, 400, 300);
        List<Person> mentees = career ? generator.careerMentees(menteeCount) : generator.mentees(menteeCount);
        List<Person> mentors = career ? generator.careerMentors(mentorCount) : generator.mentors(mentorCount);
        long started = System.nanoTime();
        TrackScores scores = career
                ? new TrackScores(TrackScores.Kind.CAREER, new TrackScores.Policy(Weights.CAREER, false, 0, 1), mentees, mentors, Set.of())
                : new TrackScores(TrackScores.Kind.INTERESTS, new TrackScores.Policy(Weights.INTERESTS, false, 0, 0), mentees, mentors, Set.of());
        long built = System.nanoTime();
        MatchingSolver.Options options = career ? MatchingSolver.Options.DEFAULT.withMinimumLoad(AIM) : MatchingSolver.Options.DEFAULT;
        Solution solution = MatchingSolver.solve(scores, options);
        long solved = System.nanoTime();
        if (!print) {
            return;
        }
        int capacity = mentors.stream().mapToInt(Person::capacity).sum();
        int[] loadHistogram = new int[5];
        for (int load : solution.load()) {
            loadHistogram[Math.min(load, 4)]++;
        }
        long noCapacity = Arrays.stream(solution.unmatchedReason()).filter(r -> r == Solution.Unmatched.NO_CAPACITY).count();
        long noMentor = Arrays.stream(solution.unmatchedReason()).filter(r -> r == Solution.Unmatched.NO_COMPATIBLE_MENTOR).count();
        System.out.printf(Locale.ROOT, "%n%s%,d mentees x %,d mentors (capacity %,d; %,d pairs)%n", career ? "career, " + AIM
                + " aimed for: " : "", menteeCount, mentorCount, capacity, (long) menteeCount * mentorCount);
        System.out.printf(Locale.ROOT, "  scores built        %,8d ms%n", (built - started) / 1_000_000);
        System.out.printf(Locale.ROOT, "  solved              %,8d ms  (%s; %,d arcs in the flow, %d pricing round(s))%n",
                (solved - built) / 1_000_000, solution.method(), solution.arcs(), solution.pricingRounds());
        System.out.printf(Locale.ROOT, "  total               %,8d ms%n", (solved - started) / 1_000_000);
        System.out.printf(Locale.ROOT, "  matched             %,8d  unmatched: %,d no capacity, %,d no compatible mentor%n",
                solution.matched(), noCapacity, noMentor);
        System.out.printf(Locale.ROOT, "  total score         %,12.3f  mean %.3f  lowest pair %.3f%n", solution.totalScore(),
                solution.totalScore() / Math.max(1, solution.matched()), solution.lowestScore());
        System.out.printf(Locale.ROOT, "  mentor load         0: %,d  1: %,d  2: %,d  3: %,d  4: %,d%n",
                loadHistogram[0], loadHistogram[1], loadHistogram[2], loadHistogram[3], loadHistogram[4]);
        if (career) {
            long below = 0;
            for (int j = 0; j < mentors.size(); j++) {
                int load = solution.load()[j];
                below += load > 0 && load < Math.min(AIM, mentors.get(j).capacity()) ? 1 : 0;
            }
            long perfect = 0;
            for (int i = 0; i < menteeCount; i++) {
                perfect += solution.mentorOf()[i] >= 0 && scores.score(i, solution.mentorOf()[i]) >= 1.0 ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  mentors below aim   %,8d  (matched pairs scoring 1.0: %,d)%n", below, perfect);
        }
        if (!career && (long) menteeCount * mentorCount <= 2_000_000) {
            // the same track with every pair in the flow from the start: the same optimum, for comparison
            long allStarted = System.nanoTime();
            Solution all = MatchingSolver.solve(scores, MatchingSolver.Options.DEFAULT.withCandidatesPerMentee(mentorCount));
            long allSolved = System.nanoTime();
            System.out.printf(Locale.ROOT, "  all pairs in flow   %,8d ms  (%,d arcs): matched %,d, total score %,.3f, %s%n",
                    (allSolved - allStarted) / 1_000_000, all.arcs(), all.matched(), all.totalScore(),
                    Math.abs(all.totalScore() - solution.totalScore()) < 1e-6 && all.matched() == solution.matched()
                            ? "same optimum" : "DIFFERENT OPTIMUM");
        }
    }
}
