package dev.mentorship.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metrics the alert rules and the Grafana dashboard of deploy/k8s read, from their shared list
 * {@code deploy/k8s/base/monitoring/metrics.txt} ("&lt;all or a service&gt; &lt;sample name&gt;" per line). Each service's
 * FoundationTest asserts it exports its lines; deploy/k8s ManifestsTest asserts the rules and panels read nothing else.
 */
public final class MonitoredMetrics {

    public static final Path LIST = Path.of("deploy/k8s/base/monitoring/metrics.txt");

    private MonitoredMetrics() {
    }

    /** The sample names {@code service} must export (its own lines and those of all services). */
    public static Set<String> of(String service) {
        Set<String> names = new TreeSet<>();
        for (String[] line : lines(ProducerContracts.repositoryRoot().resolve(LIST))) {
            if (line[0].equals("all") || line[0].equals(service)) {
                names.add(line[1]);
            }
        }
        return names;
    }

    /** Every sample name of the list, whoever exports it. */
    public static Set<String> all(Path root) {
        Set<String> names = new TreeSet<>();
        lines(root.resolve(LIST)).forEach(line -> names.add(line[1]));
        return names;
    }

    /** The sample names of a Prometheus text exposition (what precedes a sample's labels or value). */
    public static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static java.util.List<String[]> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+"))
                    .peek(l -> {
                        if (l.length != 2) {
                            throw new IllegalStateException(file + ": expected \"<all or service> <sample name>\", got " + String.join(" ", l));
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
