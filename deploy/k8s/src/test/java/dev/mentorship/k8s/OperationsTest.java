package dev.mentorship.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mentorship.testing.MonitoredMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lets ops see the pipeline and recover it, checked offline on the rendered manifests: the alert rules (Prometheus
 * Operator schema, every expression parsed as PromQL, a "for", a severity, a summary, a description and a runbook
 * section that exists in docs/operations.md), the Grafana dashboard, and that rules and panels read only metrics of
 * the shared list deploy/k8s/base/monitoring/metrics.txt, which each service's FoundationTest asserts it exports (so
 * a renamed metric fails the build); the PodMonitor; the PostgreSQL cluster's WAL archiving and scheduled backups.
 * Where promtool is installed (Debian's prometheus package) the rules also pass {@code promtool check rules}.
 */
class OperationsTest {

    static final Path OPERATIONS = ManifestsTest.ROOT.resolve("docs/operations.md");
    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final Set<String> RULE_FIELDS = Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations");
    /** The program report's gauges, one per figure (runtime ReportGauges.PREFIX): read by the dashboard by name pattern. */
    static final String REPORT_GAUGES = "mentorship_report_";
    /** What the alerts must watch: the metric each of the pipeline's failures shows in. */
    static final Map<String, String> WATCHED = new LinkedHashMap<>();

    static {
        WATCHED.put("service down", "up");
        WATCHED.put("consumer lag", "kafka_consumer_fetch_manager_records_lag_max");
        WATCHED.put("outbox backlog age", "mentorship_outbox_oldest_pending_age_seconds");
        WATCHED.put("dead letters", "mentorship_events_dead_lettered_total");
        WATCHED.put("mail failures", "mentorship_mail_failed_total");
        WATCHED.put("reminders late", "mentorship_reminder_lateness_seconds_bucket");
        WATCHED.put("matching run failures", "mentorship_matching_runs_total");
    }

    @BeforeAll
    static void render() throws IOException {
        if (ManifestsTest.RENDERED.isEmpty()) {
            ManifestsTest.render();
        }
    }

    @Test
    void alertRulesAreValidPromQlWithSeverityRunbookAndOnlyExportedMetrics() throws Exception {
        List<JsonNode> rules = ofKind("overlays/prod", "PrometheusRule");
        assertThat(rules).as("PrometheusRules").isNotEmpty();
        Set<String> anchors = anchors(Files.readString(OPERATIONS));
        List<String> problems = new ArrayList<>();
        Map<String, String> expressions = new LinkedHashMap<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode object : rules) {
            for (JsonNode group : object.at("/spec/groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String alert = rule.path("alert").asText();
                    String where = object.at("/metadata/name").asText() + "/" + group.path("name").asText() + "/" + alert;
                    if (alert.isEmpty() || !alerts.add(alert)) {
                        problems.add(where + ": every rule is an alert with a name of its own");
                    }
                    rule.fieldNames().forEachRemaining(f -> {
                        if (!RULE_FIELDS.contains(f)) {
                            problems.add(where + ": unknown field " + f);
                        }
                    });
                    if (!rule.path("for").asText().matches("([0-9]+[smhdw])+")) {
                        problems.add(where + ": no \"for\" (an alert fires on a condition that lasts, not on one scrape)");
                    }
                    if (!SEVERITIES.contains(rule.at("/labels/severity").asText())) {
                        problems.add(where + ": severity is not one of " + SEVERITIES);
                    }
                    for (String annotation : List.of("summary", "description", "runbook_url")) {
                        if (rule.at("/annotations/" + annotation).asText().isBlank()) {
                            problems.add(where + ": no " + annotation);
                        }
                    }
                    String runbook = rule.at("/annotations/runbook_url").asText();
                    Matcher section = Pattern.compile("^https://[^#\\s]+/operations\\.md#([a-z0-9-]+)$").matcher(runbook);
                    if (!section.matches()) {
                        problems.add(where + ": runbook_url is not a section of docs/operations.md: " + runbook);
                    } else if (!anchors.contains(section.group(1))) {
                        problems.add(where + ": docs/operations.md has no section #" + section.group(1) + " (has " + anchors + ")");
                    }
                    expressions.put(where, rule.path("expr").asText());
                }
            }
        }
        Monitoring.Result parsed = Monitoring.validate(List.of(), expressions);
        problems.addAll(parsed.problems());
        problems.addAll(unexported(parsed.metrics()));
        assertThat(problems).isEmpty();
        Set<String> read = new TreeSet<>();
        parsed.metrics().values().forEach(read::addAll);
        WATCHED.forEach((failure, metric) -> assertThat(read).as("an alert on " + failure + " reads " + metric).contains(metric));
        promtool(rules);
    }

    @Test
    void theDashboardShowsThePipelineAndTheProgramReportFromExportedMetrics() throws IOException {
        for (String target : List.of("overlays/dev", "overlays/prod")) {
            List<JsonNode> dashboards = ofKind(target, "ConfigMap").stream()
                    .filter(c -> c.at("/metadata/labels/grafana_dashboard").isTextual()).toList();
            assertThat(dashboards).as(target + " dashboards (ConfigMaps labelled grafana_dashboard)").hasSize(1);
            JsonNode data = dashboards.get(0).path("data");
            assertThat(data.size()).isEqualTo(1);
            JsonNode dashboard = ManifestsTest.JSON.readTree(data.elements().next().asText());
            assertThat(dashboard.path("uid").asText()).isNotBlank();
            assertThat(dashboard.path("title").asText()).isNotBlank();
            Map<String, String> expressions = new LinkedHashMap<>();
            Set<String> titles = new TreeSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                if (panel.path("type").asText().equals("row")) {
                    continue;
                }
                String title = panel.path("title").asText();
                assertThat(titles.add(title)).as("panel titles are distinct: " + title).isTrue();
                assertThat(panel.path("targets")).as(title + " queries").isNotEmpty();
                assertThat(panel.at("/gridPos/w").asInt()).as(title + " has a place").isPositive();
                for (JsonNode query : panel.path("targets")) {
                    expressions.put(title + " " + query.path("refId").asText(), query.path("expr").asText());
                }
            }
            for (JsonNode variable : dashboard.at("/templating/list")) {
                if (variable.path("type").asText().equals("query")) {
                    String query = variable.at("/query/query").asText();
                    Matcher labelValues = Pattern.compile("^label_values\\((.+), *[a-zA-Z_]+\\)$").matcher(query);
                    assertThat(labelValues.matches()).as("variable " + variable.path("name").asText() + ": " + query).isTrue();
                    expressions.put("variable " + variable.path("name").asText(), labelValues.group(1));
                }
            }
            Monitoring.Result parsed = Monitoring.validate(List.of(), expressions);
            List<String> problems = new ArrayList<>(parsed.problems());
            problems.addAll(unexported(parsed.metrics()));
            assertThat(problems).as(target + " dashboard").isEmpty();
            Set<String> read = new TreeSet<>();
            parsed.metrics().values().forEach(read::addAll);
            assertThat(read).as("the dashboard's panels: events published and consumed, lag, outbox, dead letters, mail, reminders, matching, the report")
                    .contains("mentorship_outbox_published_events_total", "kafka_consumer_fetch_manager_records_consumed_total",
                            "kafka_consumer_fetch_manager_records_lag_max", "mentorship_outbox_pending_events",
                            "mentorship_events_dead_lettered_total", "notification_mail_latency_seconds_bucket", "mentorship_mail_failed_total",
                            "mentorship_reminder_lateness_seconds_bucket", "mentorship_matching_runs_total", "~" + REPORT_GAUGES + ".+");
        }
    }

    /** The PodMonitor scrapes every service's management port, naming the job after the service (the alerts group by it). */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void thePodMonitorScrapesEveryServicesManagementPort(String target) {
        List<JsonNode> monitors = ofKind(target, "PodMonitor");
        assertThat(monitors).hasSize(1);
        JsonNode monitor = monitors.get(0);
        JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
        assertThat(endpoint.path("port").asText()).isEqualTo("management");
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("relabelings").toString()).contains("__meta_kubernetes_pod_label_app_kubernetes_io_name", "\"targetLabel\":\"job\"");
        Map<String, String> selector = new LinkedHashMap<>();
        monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(e -> selector.put(e.getKey(), e.getValue().asText()));
        assertThat(selector).isNotEmpty();
        for (JsonNode deployment : ofKind(target, "Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            Map<String, String> labels = new LinkedHashMap<>();
            deployment.at("/spec/template/metadata/labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            boolean selected = labels.entrySet().containsAll(selector.entrySet());
            assertThat(selected).as(name + " scraped by the PodMonitor").isEqualTo(ManifestsTest.SERVICES.contains(name));
        }
    }

    /**
     * The PostgreSQL cluster archives its WAL and keeps base backups in an S3-compatible object store, credentials from a
     * Secret that is referenced, not rendered; a ScheduledBackup takes one every night; and docs/operations.md says how
     * to restore a moment of it into a new cluster.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theDatabaseIsBackedUpWithWalArchivingAndCanBeRestored(String target) throws IOException {
        for (JsonNode cluster : ofKind(target, "Cluster")) {
            String name = cluster.at("/metadata/name").asText();
            JsonNode backup = cluster.at("/spec/backup");
            JsonNode store = backup.path("barmanObjectStore");
            assertThat(backup.path("retentionPolicy").asText()).as(name + " retention").matches("[1-9][0-9]*[dwm]");
            assertThat(store.path("destinationPath").asText()).as(name + " object store").startsWith("s3://");
            assertThat(store.at("/wal/compression").asText()).as(name + " archives WAL, compressed").isNotEmpty();
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.at("/s3Credentials/" + key);
                assertThat(ref.path("name").asText()).as(name + " " + key + " from a Secret").isNotBlank();
                assertThat(ref.path("key").asText()).isNotBlank();
                assertThat(ofKind(target, "Secret")).noneMatch(s -> s.at("/metadata/name").asText().equals(ref.path("name").asText()));
            }
            List<JsonNode> scheduled = ofKind(target, "ScheduledBackup").stream()
                    .filter(s -> s.at("/spec/cluster/name").asText().equals(name)).toList();
            assertThat(scheduled).as(name + " scheduled backups").isNotEmpty().allSatisfy(s -> {
                assertThat(s.at("/spec/schedule").asText().split(" ")).as("CloudNativePG's six-field schedule").hasSize(6);
                assertThat(s.at("/spec/method").asText("barmanObjectStore")).isEqualTo("barmanObjectStore");
            });
        }
        assertThat(ofKind(target, "Cluster")).isNotEmpty();
        String runbook = Files.readString(OPERATIONS);
        assertThat(anchors(runbook)).contains("restore-the-database");
        assertThat(runbook).contains("bootstrap:", "recovery:", "recoveryTarget:", "targetTime:", "externalClusters:",
                "processed_event", "outbox_event");
    }

    /** Names a rule or panel reads that no service exports (per metrics.txt); regexes may only select the report's gauges. */
    static List<String> unexported(Map<String, Set<String>> metrics) {
        Set<String> exported = MonitoredMetrics.all(ManifestsTest.ROOT);
        List<String> problems = new ArrayList<>();
        metrics.forEach((where, names) -> {
            for (String name : names) {
                boolean known = name.startsWith("~") ? name.substring(1).startsWith(REPORT_GAUGES)
                        : name.equals("up") || name.startsWith(REPORT_GAUGES) || exported.contains(name);
                if (!known) {
                    problems.add(where + " reads " + name + ", which is not in " + MonitoredMetrics.LIST + " (so no service test asserts it is exported)");
                }
            }
        });
        return problems;
    }

    /** The section anchors of a Markdown document, as GitHub makes them. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        boolean fenced = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.matches("^#{1,6} .*")) {
                anchors.add(line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** {@code promtool check rules} on the rules' groups, where Debian's prometheus package installed it. */
    private static void promtool(List<JsonNode> rules) throws IOException, InterruptedException {
        String path = System.getenv().getOrDefault("PATH", "");
        Path promtool = java.util.Arrays.stream(path.split(File.pathSeparator)).map(d -> Path.of(d, "promtool"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        if (promtool == null) {
            return;
        }
        for (JsonNode rule : rules) {
            Path file = Files.createTempFile("rules", ".yaml");
            Files.writeString(file, ManifestsTest.YAML.writeValueAsString(rule.path("spec")));
            Process process = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("promtool check rules:%n%s", output).isZero();
        }
    }

    private static List<JsonNode> ofKind(String target, String kind) {
        return ManifestsTest.RENDERED.get(target).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }
}
