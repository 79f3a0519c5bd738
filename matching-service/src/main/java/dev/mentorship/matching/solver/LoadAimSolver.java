package dev.mentorship.matching.solver;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A load aimed for per mentor ("we aim for 3–4 mentees per mentor", the career track), as an aim and not a wall: a
 * mentor with only one or two compatible mentees still gets them. The objective is lexicographic, each level solved
 * by CP-SAT (OR-Tools) within its share of the time limit and then fixed while the next is optimised:
 * <ol>
 *   <li>as many mentees matched as possible (where {@code matchAsManyAsPossible});</li>
 *   <li>as few mentors below the aim as possible (a mentor with mentees, fewer than {@code min(aim, capacity)});</li>
 *   <li>as little below it as possible (the sum of the mentees those mentors lack);</li>
 *   <li>the highest total score.</li>
 * </ol>
 * Each stage starts from the previous stage's assignment (a hint), so later stages only improve on it. An idle mentor
 * is not "below the aim": spreading few mentees thinly over many mentors is what the aim avoids.
 *
 * <p>What is proven: level 1 always, over every pair (the flow's, with pricing). Levels 2-4 are over the pairs CP-SAT
 * is given: every compatible pair on small tracks, each mentee's best mentors and the flow's pair on large ones (a
 * model of every pair of a 20,000 x 6,000 track does not fit the heap); within that set each level is optimal only
 * where CP-SAT proves it in time, else the best found, never worse than the flow's assignment. The method text says
 * which, level by level, with the flow's value and CP-SAT's bound.
 */
final class LoadAimSolver {

    private LoadAimSolver() {
    }

    /**
     * {@code start}: the flow's optimum without the aim (as many matched as possible, then the highest score, exact
     * over every pair): its number matched is the first level's optimum (an aim changes who is matched, never how
     * many can be), and it is the assignment CP-SAT starts from, kept if a later level finds nothing better in time.
     * {@code candidates}: the pairs CP-SAT may choose from, every compatible one ({@code perMentee} -1) or each
     * mentee's best {@code perMentee} and their pair in {@code start}; levels 2-4 are optimal over these.
     * {@code flowArcs}, {@code pricingRounds}: the flow's, for the report.
     */
    static Solution solve(PairScores scores, MatchingSolver.Options options, Candidates candidates, int perMentee,
                          int[] start, long flowArcs, int pricingRounds, long started) {
        int n = scores.mentees();
        int m = scores.mentors();
        long buildStarted = System.nanoTime();
        CpModel model = new CpModel();
        int startMatched = 0;
        for (int j : start) {
            startMatched += j >= 0 ? 1 : 0;
        }
        int[] degree = new int[m];
        int[][] lists = new int[n][];
        long arcs = 0;
        for (int i = 0; i < n; i++) {
            int[] list = candidates.mentors[i];
            int from = start[i];
            if (from >= 0 && Arrays.stream(list).noneMatch(j -> j == from)) {
                list = Arrays.copyOf(list, list.length + 1); // the start's pair, found by pricing beyond the candidates
                list[list.length - 1] = start[i];
            }
            lists[i] = list;
            for (int j : list) {
                degree[j]++;
            }
            arcs += list.length;
        }
        if (arcs > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Too many pairs for CP-SAT: " + arcs);
        }
        // flat arrays rather than growing builders: a large track's model is up to a few million literals
        Literal[][] byMentor = new Literal[m][];
        for (int j = 0; j < m; j++) {
            byMentor[j] = new Literal[degree[j]];
        }
        int[] fill = new int[m];
        Literal[][] x = new Literal[n][];
        Literal[] all = new Literal[(int) arcs];
        long[] weight = new long[(int) arcs];
        int a = 0;
        for (int i = 0; i < n; i++) {
            int[] list = lists[i];
            x[i] = new Literal[list.length];
            for (int c = 0; c < list.length; c++) {
                int j = list[c];
                Literal literal = model.newBoolVar("");
                x[i][c] = literal;
                byMentor[j][fill[j]++] = literal;
                all[a] = literal;
                weight[a++] = Math.round(scores.score(i, j) * MatchingSolver.SCALE);
            }
            if (list.length > 1) {
                model.addAtMostOne(x[i]);
            }
        }
        LinearExprBuilder below = LinearExpr.newBuilder();
        LinearExprBuilder shortfall = LinearExpr.newBuilder();
        Aim[] aims = new Aim[m];
        for (int j = 0; j < m; j++) {
            Literal[] assigned = byMentor[j];
            if (assigned.length == 0) {
                continue;
            }
            LinearExpr load = LinearExpr.sum(assigned);
            if (assigned.length > scores.capacity(j)) {
                model.addLessOrEqual(load, scores.capacity(j));
            }
            int aim = Math.min(options.minimumLoad(), scores.capacity(j));
            if (aim <= 1) {
                continue; // one mentee is the aim already
            }
            Literal used = model.newBoolVar("");
            model.addGreaterOrEqual(load, 1).onlyEnforceIf(used);
            model.addEquality(load, 0).onlyEnforceIf(used.not());
            // short = aim - load for a used mentor below the aim, else 0 (minimising pushes it down to that bound)
            IntVar lacking = model.newIntVar(0, aim - 1, "");
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(lacking).add(load).build(), aim).onlyEnforceIf(used);
            Literal isBelow = model.newBoolVar("");
            // a used mentor with load < aim counts as below: load >= aim unless isBelow
            model.addGreaterOrEqual(load, aim).onlyEnforceIf(new Literal[]{used, isBelow.not()});
            model.addEquality(lacking, 0).onlyEnforceIf(isBelow.not());
            below.add(isBelow);
            shortfall.add(lacking);
            aims[j] = new Aim(aim, used, isBelow, lacking);
        }
        byMentor = null;

        if (options.matchAsManyAsPossible()) {
            model.addEquality(LinearExpr.sum(all), startMatched); // level 1, exact from the flow
        }
        LinearExpr score = LinearExpr.weightedSum(all, weight);
        all = null;
        weight = null;
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
        solver.getParameters().setLogSearchProgress(Boolean.getBoolean("matching.cpsat.log"));
        // CP-SAT's presolve on a career track of 2,000 x 600 (97,000 variables) used the whole time limit and stopped
        // with no solution (status UNKNOWN); without it, each level is proved optimal in seconds from the hint
        solver.getParameters().setCpModelPresolve(Boolean.getBoolean("matching.cpsat.presolve"));
        long deadline = System.nanoTime() + options.cpSatTimeLimit().toNanos();
        boolean optimal = true;
        int[] mentorOf = start.clone();
        hint(model, x, lists, mentorOf, aims);
        double built = (System.nanoTime() - buildStarted) / 1e9;
        List<Stage> stages = List.of(new Stage("mentors below the aim", below.build(), false, 1),
                new Stage("shortfall", shortfall.build(), false, 1), new Stage("score", score, true, MatchingSolver.SCALE));
        long[] flowLevels = levels(scores, start, options.minimumLoad());
        List<String> times = new ArrayList<>();
        int solved = 0;
        for (Stage stage : stages) {
            long stageStarted = System.nanoTime();
            if (stage.maximise()) {
                model.maximize(stage.expression());
            } else {
                model.minimize(stage.expression());
            }
            // each level its share of the time left
            double left = (deadline - System.nanoTime()) / 1e9 / (stages.size() - solved);
            solver.getParameters().setMaxTimeInSeconds(Math.max(0.2, left));
            // what the assignment so far (the hint) achieves on this level: kept unless CP-SAT finds strictly better,
            // so that no level ends worse than the flow's assignment CP-SAT started from
            long hinted = levels(scores, mentorOf, options.minimumLoad())[solved];
            CpSolverStatus status = solver.solve(model);
            double took = (System.nanoTime() - stageStarted) / 1e9;
            // each level: its value, the flow's (where CP-SAT started), and whether proved optimal or CP-SAT's bound
            String flowValue = stage.format(flowLevels[solved]);
            boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
            long value = found ? Math.round(solver.objectiveValue()) : hinted;
            boolean better = found && (stage.maximise() ? value > hinted : value < hinted);
            if (!better) {
                value = hinted;
            }
            if (status == CpSolverStatus.OPTIMAL) {
                times.add(String.format(Locale.ROOT, "%s %s (flow %s), optimal in %.1f s", stage.name(), stage.format(value),
                        flowValue, took));
            } else if (found) {
                times.add(String.format(Locale.ROOT, "%s %s (flow %s; bound %s), not proved in %.1f s", stage.name(),
                        stage.format(value), flowValue, stage.format(Math.round(solver.bestObjectiveBound())), took));
            } else {
                times.add(String.format(Locale.ROOT, "%s %s (flow %s), nothing better found in %.1f s", stage.name(),
                        stage.format(value), flowValue, took));
            }
            solved++;
            optimal &= status == CpSolverStatus.OPTIMAL;
            if (better) {
                for (int i = 0; i < n; i++) {
                    mentorOf[i] = -1;
                    for (int c = 0; c < x[i].length; c++) {
                        if (solver.booleanValue(x[i][c])) {
                            mentorOf[i] = lists[i][c];
                        }
                    }
                }
            }
            // the next level keeps this one's value and starts from this assignment
            if (stage.maximise()) {
                model.addGreaterOrEqual(stage.expression(), value);
            } else {
                model.addLessOrEqual(stage.expression(), value);
            }
            hint(model, x, lists, mentorOf, aims);
        }
        String over = perMentee < 0
                ? "over every compatible pair"
                : String.format(Locale.ROOT, "over each mentee's best %d mentors and the flow's pair (%,d of %,d compatible pairs;"
                        + " matched count exact over all pairs)", perMentee, arcs, countCompatible(candidates));
        String method = String.format(Locale.ROOT, "min-cost flow (OR-Tools), then CP-SAT, %d mentees per mentor aimed for, %s %s;"
                        + " model %,d literals built in %.1f s; %s",
                options.minimumLoad(), optimal ? "optimal" : "best found within " + options.cpSatTimeLimit().toSeconds() + " s",
                over, arcs, built, String.join(", ", times));
        return MatchingSolver.result(scores, candidates, mentorOf, started, flowArcs, pricingRounds, method);
    }

    /** A mentor's aim and the variables that measure how far below it they are. */
    private record Aim(int aim, Literal used, Literal below, IntVar lacking) {
    }

    /** The whole assignment as CP-SAT's starting point, every variable of the model included (a complete hint). */
    private static void hint(CpModel model, Literal[][] x, int[][] lists, int[] mentorOf, Aim[] aims) {
        model.clearHints();
        int[] load = new int[aims.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < x[i].length; c++) {
                boolean chosen = lists[i][c] == mentorOf[i];
                model.addHint(x[i][c], chosen);
                load[lists[i][c]] += chosen ? 1 : 0;
            }
        }
        for (int j = 0; j < aims.length; j++) {
            Aim a = aims[j];
            if (a != null) {
                boolean below = load[j] > 0 && load[j] < a.aim();
                model.addHint(a.used(), load[j] > 0);
                model.addHint(a.below(), below);
                model.addHint(a.lacking(), below ? a.aim() - load[j] : 0);
            }
        }
    }

    private record Stage(String name, LinearExpr expression, boolean maximise, long scale) {
        String format(long value) {
            return scale == 1 ? String.format(Locale.ROOT, "%,d", value) : String.format(Locale.ROOT, "%,.3f", (double) value / scale);
        }
    }

    /** An assignment's levels 2-4: {mentors below the aim, mentees they lack, total scaled score}. */
    private static long[] levels(PairScores scores, int[] mentorOf, int minimumLoad) {
        int[] load = new int[scores.mentors()];
        long total = 0;
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                load[mentorOf[i]]++;
                total += Math.round(scores.score(i, mentorOf[i]) * MatchingSolver.SCALE);
            }
        }
        long below = 0;
        long lacking = 0;
        for (int j = 0; j < load.length; j++) {
            int aim = Math.min(minimumLoad, scores.capacity(j));
            if (load[j] > 0 && load[j] < aim) {
                below++;
                lacking += aim - load[j];
            }
        }
        return new long[]{below, lacking, total};
    }

    private static long countCompatible(Candidates candidates) {
        long total = 0;
        for (int c : candidates.compatible) {
            total += c;
        }
        return total;
    }
}
