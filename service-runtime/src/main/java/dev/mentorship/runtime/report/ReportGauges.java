package dev.mentorship.runtime.report;

import dev.mentorship.runtime.staff.StaffedProgram;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The program report's figures as Prometheus gauges, for dashboards: every staffed program's report is counted again
 * every {@code mentorship.report.gauges-interval} (one minute) by the same {@link ProgramReporter} the REST report uses,
 * so a dashboard and the report never disagree. One gauge per metric, {@code mentorship_report_<metric>}, tagged
 * {@code service}, {@code program} (id), {@code program_name}, {@code track} (key, empty for the whole program) and the
 * figure's dimensions; time series (dimension {@code day}) stay in the report. A program's gauges keep their last value
 * if a count fails (logged).
 */
@ApplicationScoped
public class ReportGauges {

    private static final Logger LOG = Logger.getLogger(ReportGauges.class);
    static final String PREFIX = "mentorship_report_";

    private final ProgramReporter reporter;
    private final MeterRegistry registry;
    private final Map<List<Tag>, AtomicReference<Double>> values = new ConcurrentHashMap<>();

    public ReportGauges(ProgramReporter reporter, MeterRegistry registry) {
        this.reporter = reporter;
        this.registry = registry;
    }

    @Scheduled(every = "${mentorship.report.gauges-interval:60s}", delayed = "${mentorship.report.gauges-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return Panache.withSession(() -> StaffedProgram.<StaffedProgram>listAll()
                .chain(programs -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StaffedProgram program : programs) {
                        chain = chain.chain(() -> reporter.report(program.programId)
                                .invoke(this::publish)
                                .onFailure().invoke(e -> LOG.debugf("No report gauges for program %s: %s", program.programId, e.getMessage()))
                                .onFailure().recoverWithNull()
                                .replaceWithVoid());
                    }
                    return chain;
                }))
                .onFailure().invoke(e -> LOG.warnf("Report gauges will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Sets the gauges of one report (registering those seen for the first time). */
    public void publish(ProgramReport report) {
        for (Figure f : report.figures()) {
            set(report, null, f);
        }
        for (TrackReport track : report.tracks()) {
            for (Figure f : track.figures()) {
                set(report, track.trackKey() != null ? track.trackKey() : track.trackKind(), f);
            }
        }
    }

    private void set(ProgramReport report, String track, Figure figure) {
        if (figure.timeSeries()) {
            return;
        }
        String name = PREFIX + figure.metric();
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.of("service", report.service()));
        tags.add(Tag.of("program", report.programId().toString()));
        tags.add(Tag.of("program_name", report.programName() == null ? "" : report.programName()));
        tags.add(Tag.of("track", track == null ? "" : track));
        figure.dimensions().forEach((k, v) -> tags.add(Tag.of(k, v)));
        List<Tag> key = new ArrayList<>(tags);
        key.add(Tag.of("__name", name));
        double value = figure.value().doubleValue();
        values.computeIfAbsent(List.copyOf(key), k -> {
            AtomicReference<Double> holder = new AtomicReference<>(value);
            Gauge.builder(name, holder, AtomicReference::get).tags(tags)
                    .description("Program report: " + figure.metric() + " (see the service's README)").register(registry);
            return holder;
        }).set(value);
    }

    /** The programs whose gauges are published, for tests. */
    List<UUID> programs() {
        return values.keySet().stream().flatMap(List::stream).filter(t -> t.getKey().equals("program"))
                .map(t -> UUID.fromString(t.getValue())).distinct().toList();
    }
}
