package dev.mentorship.matching.run.service;

import dev.mentorship.runtime.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counts organizers' matching runs by outcome, {@code mentorship_matching_runs_total{operation, outcome}}: a dry run
 * ({@code operation="run"}) or a publication ({@code operation="publish"}) that succeeded ({@code outcome="succeeded"}),
 * that was refused with a problem the organizer can act on (409 another run in progress, the track changed, 404:
 * {@code outcome="refused"}), or that failed ({@code outcome="failed"}: the solver or the database broke; the alert
 * watches these). Every combination is registered at start with 0, so the first failure is an increase Prometheus sees.
 */
@Startup
@ApplicationScoped
public class MatchingRuns {

    public static final String NAME = "mentorship.matching.runs";

    public enum Operation { RUN, PUBLISH }

    private final Map<String, Counter> counters;

    public MatchingRuns(MeterRegistry registry) {
        counters = Stream.of(Operation.values()).flatMap(op -> Stream.of("succeeded", "refused", "failed").map(outcome -> op.name() + "/" + outcome))
                .collect(Collectors.toMap(Function.identity(), key -> Counter.builder(NAME)
                        .description("Organizers' matching runs (dry runs and publications) by outcome")
                        .tag("operation", key.substring(0, key.indexOf('/')).toLowerCase())
                        .tag("outcome", key.substring(key.indexOf('/') + 1))
                        .register(registry)));
    }

    public void succeeded(Operation operation) {
        counters.get(operation.name() + "/succeeded").increment();
    }

    public void ended(Operation operation, Throwable failure) {
        // what the organizer can act on is refused, not failed: a problem of the 4xx kind, and a concurrent change
        // (optimistic lock), which the problem mappers answer with 409
        boolean refused = failure instanceof ProblemException problem && problem.type().status() < 500
                || failure instanceof jakarta.persistence.OptimisticLockException
                || failure instanceof org.hibernate.StaleStateException;
        counters.get(operation.name() + (refused ? "/refused" : "/failed")).increment();
    }

    /** How many runs of {@code operation} ended with {@code outcome} on this replica since it started. */
    public double count(String operation, String outcome) {
        return counters.get(operation.toUpperCase() + "/" + outcome).count();
    }
}
