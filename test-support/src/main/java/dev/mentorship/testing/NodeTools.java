package dev.mentorship.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The contract linters and kustomize come as Node packages (AsyncAPI CLI, Redocly CLI, kustomize, kubernetes-models). A machine with only a JDK and Maven has no
 * Node, so a pinned Node and npm come from the npm registry (packages {@code node-<os>-<arch>} and {@code npm}),
 * once, into deploy/local/.work/tools, and {@code npm ci} installs the linters pinned by deploy/contracts/package-lock.json.
 * <p>
 * npm never touches ~/.npm: every process started here gets a private cache, deploy/local/.work/tools/npm-cache
 * ({@code npm_config_cache}, also passed to {@code npm ci} as {@code --cache}), and no update check. npm names its cache
 * temp files from 4 random bytes and opens them exclusively, so leftovers in a shared cache made {@code npm ci} fail
 * at random with EEXIST; it is retried once when that happens.
 */
public final class NodeTools {

    static final String NODE_VERSION = "24.21.0";
    static final String NPM_VERSION = "11.6.2";
    private static final String REGISTRY = System.getProperty("npm.registry", "https://registry.npmjs.org");
    private static final Path ROOT = ProducerContracts.repositoryRoot();
    static final Path CONTRACTS = ROOT.resolve("deploy/contracts");

    private static Path nodeBin;

    /** Runs a Node script (e.g. one in deploy/contracts) with the pinned Node. */
    public static Result node(Path script, String... args) {
        ensureInstalled();
        List<String> command = new ArrayList<>();
        command.add(nodeBin.resolve("node").toString());
        command.add(script.toString());
        command.addAll(List.of(args));
        return exec(command, ROOT, 5);
    }

    private NodeTools() {
    }

    public record Result(int exitCode, String output) {
    }

    /** Runs a linter installed in deploy/contracts/node_modules/.bin with the repository root as working directory. */
    public static Result run(String tool, String... args) {
        ensureInstalled();
        List<String> command = new ArrayList<>();
        command.add(CONTRACTS.resolve("node_modules/.bin/" + tool).toString());
        command.addAll(List.of(args));
        return exec(command, ROOT, 5);
    }

    private static synchronized void ensureInstalled() {
        Path marker = CONTRACTS.resolve("node_modules/.installed-from-lock");
        // test JVMs of two modules (the manifests, the contracts) may get here at once in a parallel build (mvn -T):
        // one installs, the other waits for it, across processes
        try (FileChannel channel = FileChannel.open(tools().resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            nodeDirectory();
            String lock = sha256(Files.readAllBytes(CONTRACTS.resolve("package-lock.json")));
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(lock)) {
                return;
            }
            Path npmCli = npm().resolve("bin/npm-cli.js");
            List<String> ci = List.of(nodeDirectory().resolve("node").toString(), npmCli.toString(), "ci", "--no-audit",
                    "--no-fund", "--loglevel=error", "--cache=" + npmCache(), "--registry=" + REGISTRY);
            Result install = exec(ci, CONTRACTS, 15);
            if (install.exitCode() != 0 && install.output().contains("EEXIST")) {
                // a temp file name (4 random bytes) npm opens exclusively was taken by a leftover: a fresh name next time
                System.err.println("NodeTools: npm ci in deploy/contracts failed with EEXIST (a leftover temp file in npm's cache "
                        + npmCache() + "), retrying once:\n" + install.output());
                install = exec(ci, CONTRACTS, 15);
            }
            if (install.exitCode() != 0) {
                throw new AssertionError("npm ci in deploy/contracts failed:\n" + install.output());
            }
            Files.writeString(marker, lock);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The directory holding the node binary. */
    private static synchronized Path nodeDirectory() throws IOException {
        if (nodeBin != null) {
            return nodeBin;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> throw new AssertionError("No Node package for " + System.getProperty("os.arch"));
        };
        String name = "node-" + os + "-" + arch;
        Path dir = tools().resolve(name + "-" + NODE_VERSION);
        if (!Files.isExecutable(dir.resolve("bin/node"))) {
            unpack(download(name, NODE_VERSION), dir);
        }
        nodeBin = dir.resolve("bin");
        return nodeBin;
    }

    private static Path npm() throws IOException {
        Path dir = tools().resolve("npm-" + NPM_VERSION);
        if (!Files.isRegularFile(dir.resolve("bin/npm-cli.js"))) {
            unpack(download("npm", NPM_VERSION), dir);
        }
        return dir;
    }

    private static Path tools() throws IOException {
        return Files.createDirectories(ROOT.resolve("deploy/local/.work/tools"));
    }

    /** npm's cache, private to the tools folder: never the shared ~/.npm. */
    private static Path npmCache() throws IOException {
        return Files.createDirectories(tools().resolve("npm-cache"));
    }

    private static Path download(String name, String version) throws IOException {
        Path file = tools().resolve("downloads/" + name + "-" + version + ".tgz");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        URI uri = URI.create(REGISTRY + "/" + name + "/-/" + name + "-" + version + ".tgz");
        try {
            HttpResponse<InputStream> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build()
                    .send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + response.statusCode());
            }
            Path partial = Files.createTempFile(file.getParent(), name, ".part");
            try (InputStream in = response.body()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** npm package tarballs hold one top folder, package/. */
    private static void unpack(Path tgz, Path dir) throws IOException {
        Path staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".");
        Result untar = exec(List.of("tar", "-xzf", tgz.toString(), "-C", staging.toString()), staging, 5);
        if (untar.exitCode() != 0) {
            throw new AssertionError("tar failed on " + tgz + ":\n" + untar.output());
        }
        Files.move(staging.resolve("package"), dir, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
    }

    private static Result exec(List<String> command, Path workdir, int timeoutMinutes) {
        try {
            Path log = Files.createTempFile("node-tool", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            if (nodeBin != null) {
                // the tools' launchers start with #!/usr/bin/env node
                builder.environment().put("PATH", nodeBin + java.io.File.pathSeparator + System.getenv("PATH"));
            }
            // npm (npm ci, and any tool that runs npm or npx) uses the private cache and checks for no update;
            // npm reads npm_config_* in any case, so an inherited NPM_CONFIG_CACHE must not compete
            builder.environment().keySet().removeIf(key -> key.equalsIgnoreCase("npm_config_cache")
                    || key.equalsIgnoreCase("npm_config_update_notifier"));
            builder.environment().put("npm_config_cache", npmCache().toString());
            builder.environment().put("npm_config_update_notifier", "false");
            builder.environment().put("ASYNCAPI_METRICS", "false");
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("SUPPRESS_NO_CONFIG_WARNING", "true");
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " took longer than " + timeoutMinutes + " min");
            }
            String output = Files.readString(log);
            Files.delete(log);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
