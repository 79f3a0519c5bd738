package dev.mentorship.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real local stack, through deploy/local/platform.sh: started for the test if it is not running (and stopped
 * after), or used as it is if a developer runs it. The services' jars come from the reactor build just before.
 */
final class Stack {

    static final Path ROOT = Path.of(System.getProperty("platform.root", "../.."));
    static final String KEYCLOAK = "http://127.0.0.1:8180";
    static final String PARTICIPANTS = "http://127.0.0.1:8081";
    static final String MATCHING = "http://127.0.0.1:8082";
    static final String SCHEDULE = "http://127.0.0.1:8083";
    static final String NOTIFICATIONS = "http://127.0.0.1:8084";
    static final String MAIL_API = "http://127.0.0.1:8025";
    static final String KAFKA = "127.0.0.1:9092";
    /** The second replicas (platform.sh replicas up): same databases, broker and consumer groups. */
    static final String PARTICIPANTS_2 = "http://127.0.0.1:8091";
    static final String MATCHING_2 = "http://127.0.0.1:8092";
    static final String SCHEDULE_2 = "http://127.0.0.1:8093";
    static final String NOTIFICATIONS_2 = "http://127.0.0.1:8094";
    /** Each service's management interface (health, metrics), never the API's port: platform.sh's management_port. */
    static final String PARTICIPANTS_MANAGEMENT = "http://127.0.0.1:9081";
    static final String MATCHING_MANAGEMENT = "http://127.0.0.1:9082";
    static final String SCHEDULE_MANAGEMENT = "http://127.0.0.1:9083";
    static final String NOTIFICATIONS_MANAGEMENT = "http://127.0.0.1:9084";

    private static boolean startedHere;

    private Stack() {
    }

    static synchronized void up() {
        boolean running = run(List.of("status"), 60).contains("participant    running");
        if (!running) {
            String out = run(List.of("up"), 15 * 60);
            if (!out.contains("the platform is up")) {
                throw new AssertionError("The local stack did not come up:\n" + out);
            }
            startedHere = true;
            // one stack for every test class of this run, stopped when the test JVM ends
            Runtime.getRuntime().addShutdownHook(new Thread(() -> run(List.of("down"), 5 * 60)));
        }
    }

    /** Starts or stops a second instance of each service. */
    static synchronized void replicas(boolean up) {
        String out = run(List.of("replicas", up ? "up" : "down"), 5 * 60);
        if (up && !out.contains("second replicas up")) {
            throw new AssertionError("The second replicas did not come up:\n" + out);
        }
    }

    /** deploy/local/platform.sh with these arguments; its output. */
    static String platform(long timeoutSeconds, String... args) {
        return run(List.of(args), timeoutSeconds);
    }

    private static String run(List<String> args, long timeoutSeconds) {
        try {
            File log = Files.createTempFile("platform", ".log").toFile();
            ProcessBuilder builder = new ProcessBuilder();
            builder.command().add("bash");
            builder.command().add(ROOT.resolve("deploy/local/platform.sh").toString());
            builder.command().addAll(args);
            Process process = builder.directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("platform.sh " + args + " took longer than " + timeoutSeconds + " s");
            }
            return Files.readString(log.toPath());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
