package dev.mentorship.matching.solver;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The same objective as the flow with a minimum load per used mentor ("0 or at least 3"), which is not a flow
 * constraint: a CP-SAT model (OR-Tools) over the candidate pairs, each mentor's load 0 or between the minimum and
 * their capacity.
 */
final class MinimumLoadSolver {

    private MinimumLoadSolver() {
    }

    static Solution solve(PairScores scores, MatchingSolver.Options options, Candidates candidates, long bonus, long started) {
        int n = scores.mentees();
        int m = scores.mentors();
        CpModel model = new CpModel();
        List<List<Literal>> byMentor = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            byMentor.add(new ArrayList<>());
        }
        Literal[][] x = new Literal[n][];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        long arcs = 0;
        for (int i = 0; i < n; i++) {
            int[] list = candidates.mentors[i];
            x[i] = new Literal[list.length];
            for (int c = 0; c < list.length; c++) {
                int j = list[c];
                x[i][c] = model.newBoolVar("x" + i + "_" + j);
                byMentor.get(j).add(x[i][c]);
                objective.addTerm(x[i][c], -MatchingSolver.cost(scores.score(i, j), bonus));
                arcs++;
            }
            model.addAtMostOne(x[i]);
        }
        for (int j = 0; j < m; j++) {
            List<Literal> assigned = byMentor.get(j);
            if (assigned.isEmpty()) {
                continue;
            }
            Literal used = model.newBoolVar("used" + j);
            LinearExpr load = LinearExpr.sum(assigned.toArray(new Literal[0]));
            model.addLessOrEqual(load, scores.capacity(j)).onlyEnforceIf(used);
            model.addGreaterOrEqual(load, Math.min(options.minimumLoad(), scores.capacity(j))).onlyEnforceIf(used);
            model.addEquality(load, 0).onlyEnforceIf(used.not());
        }
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(options.cpSatTimeLimit().toMillis() / 1000.0);
        solver.getParameters().setNumWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("CP-SAT found no assignment: " + status);
        }
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, -1);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < x[i].length; c++) {
                if (solver.booleanValue(x[i][c])) {
                    mentorOf[i] = candidates.mentors[i][c];
                }
            }
        }
        String method = "CP-SAT (OR-Tools), minimum " + options.minimumLoad() + " mentees per mentor, "
                + (status == CpSolverStatus.OPTIMAL ? "optimal" : "best found within " + options.cpSatTimeLimit().toSeconds() + " s")
                + (candidates.arcs() < countCompatible(candidates) ? " over each mentee's best " + options.candidatesPerMentee() + " mentors" : "");
        return MatchingSolver.result(scores, candidates, mentorOf, started, arcs, 1, method);
    }

    private static long countCompatible(Candidates candidates) {
        long total = 0;
        for (int c : candidates.compatible) {
            total += c;
        }
        return total;
    }
}
