package org.imrflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One IMR Flow service running as its own JVM, configured by system properties, logging to a file. */
public final class ServiceProcess implements AutoCloseable {
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The environment variable with more JVM options for every service (profiling, GC logs). */
    public static final String EXTRA_JVM_OPTIONS = "IMRFLOW_SERVICE_JAVA_OPTS";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ImrService service;
    private final String instance;
    private final String host;
    private final int port;
    private final int managementPort;
    private final ChildProcess process;
    private final Instant launchedAt = Instant.now();
    /** Set once {@link #awaitReady} saw it ready: a load balancer sends nothing to a replica still starting. */
    private volatile boolean wasReady;

    private ServiceProcess(ImrService service, String instance, String host, int port, int managementPort, ChildProcess process) {
        this.service = service;
        this.instance = instance;
        this.host = host;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Starts the service's JVM listening on {@code host:port} ({@code quarkus.http.host}); {@code config} becomes
     * {@code -D} system properties, and {@code environment} is added to the launcher's environment.
     */
    static ServiceProcess start(ImrService service, String instance, Path jar, String host, int port, int managementPort,
                                Map<String, String> config, Map<String, String> environment, String heap, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        List<String> args = new ArrayList<>(List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC",
                "-Dquarkus.http.host=" + host, "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort));
        config.forEach((key, value) -> args.add("-D" + key + "=" + value));
        args.addAll(extraJvmOptions(instance));
        args.add("-jar");
        args.add(jar.toString());
        return new ServiceProcess(service, instance, host, port, managementPort,
                ChildProcess.startJava(instance, args, environment, List.of(), log));
    }

    /**
     * More JVM options for every service, from {@value #EXTRA_JVM_OPTIONS} (space-separated; {@code {service}} becomes
     * the instance's name, e.g. intake-service or intake-service-2), e.g. a flight recording per service:
     * {@code IMRFLOW_SERVICE_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/{service}.jfr"}.
     */
    static List<String> extraJvmOptions(String instance) {
        String options = System.getenv(EXTRA_JVM_OPTIONS);
        if (options == null || options.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(options.trim().split("\\s+")).map(option -> option.replace("{service}", instance))
                .toList();
    }

    public ImrService service() {
        return service;
    }

    /** This process's name: the service's, or with a replica number ({@code intake-service-2}). */
    public String instance() {
        return instance;
    }

    /** Where a client on this machine reaches the service: loopback when it listens on every address. */
    public String url() {
        return url(host, port);
    }

    /** Where a client on this machine reaches what listens on {@code host:port}. */
    static String url(String host, int port) {
        boolean loopbackWillDo = host.equals("0.0.0.0") || host.equals("::") || host.equals("localhost");
        String reachable = loopbackWillDo ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + reachable + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Health, metrics and OpenAPI: the management interface, on loopback. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Running, and was ready once since it started (the launcher waited for it). */
    public boolean isServing() {
        return wasReady && process.isAlive();
    }

    /** {@code kill -9} of the service's JVM; returns once it is gone. */
    public void kill() {
        process.kill();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return process.log();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early, with the log's tail, if the JVM dies. */
    public Duration awaitReady(Duration timeout) {
        URI ready = URI.create(managementUrl() + "/q/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(instance + " exited during start-up; see " + log()
                        + System.lineSeparator() + process.logTail());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    wasReady = true;
                    return Duration.between(launchedAt, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException(instance + " was not ready within " + timeout + "; see " + log());
    }

    /** What Quarkus reports as its own start-up time ("started in 1.234s"), if it has logged it. */
    public Optional<Double> quarkusStartupSeconds() {
        try {
            Matcher matcher = STARTED_IN.matcher(Files.readString(log()));
            Double last = null;
            while (matcher.find()) {
                last = Double.parseDouble(matcher.group(1));
            }
            return Optional.ofNullable(last);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Resident memory from /proc, in MiB; empty where /proc is not there. */
    public Optional<Long> residentMemoryMiB() {
        return ChildProcess.residentMemoryMiB(pid());
    }

    private static void pause() {
        try {
            Thread.sleep(250); // polling an HTTP endpoint of another process; nothing to await on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
