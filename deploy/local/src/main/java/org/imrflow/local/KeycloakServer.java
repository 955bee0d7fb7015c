package org.imrflow.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Keycloak, the stack's OpenID Connect provider, as its own JVM: {@code start-dev} from the
 * {@code org.keycloak:keycloak-quarkus-dist} zip that the build unpacked, with the {@code imrflow} realm imported from
 * the repository.
 *
 * <p>Each stack has a Keycloak home of its own, {@code <data>/keycloak}: its H2 database, import folder, admin password
 * and client secret. Only its {@code lib} is shared, a link to the unpacked distribution.
 */
final class KeycloakServer implements AutoCloseable {
    static final String ADMIN = "admin";
    private static final String DISTRIBUTION_RESOURCE = "/imrflow/keycloak.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** kc.sh's convention: the JVM exits with 10 once it has rebuilt its configuration, and is started again. */
    private static final int CONFIGURATION_REBUILT = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Two stacks of one JVM must not hold the distribution's file lock at once (the JDK refuses that). */
    private static final Object DISTRIBUTION = new Object();

    private final Path distribution;
    private final int port;
    private final int managementPort;
    private final Path home;
    static final String WEB_CLIENT = "imrflow-web";
    private final Map<String, String> environment;
    private final Path log;
    private final ProcessRecorder recorder;
    private volatile ChildProcess process;
    private Duration readyAfter;

    private KeycloakServer(Path distribution, int port, int managementPort, Path home, Map<String, String> environment,
                           Path log, ProcessRecorder recorder) {
        this.distribution = distribution;
        this.port = port;
        this.managementPort = managementPort;
        this.home = home;
        this.environment = environment;
        this.log = log;
        this.recorder = recorder;
    }

    /** Starts Keycloak on {@code requestedPort} (0 picks a free one), its management port next to it, and waits until the realm answers. */
    static KeycloakServer start(Path dataDir, Path realmFile, int requestedPort, ProcessRecorder recorder) {
        return start(dataDir, realmFile, requestedPort, List.of(), recorder);
    }

    /**
     * As above; {@code pageOrigins} are origins (e.g. {@code http://127.0.0.1:41234}) of service pages on ports the
     * stack picked, added to the browser client's redirect URIs in the imported copy of the realm.
     */
    static KeycloakServer start(Path dataDir, Path realmFile, int requestedPort, List<String> pageOrigins,
                                ProcessRecorder recorder) {
        Path distribution = distribution();
        int port = FreePort.orPick(requestedPort);
        int managementPort = requestedPort > 0 ? requestedPort + 1 : FreePort.orPick(0);
        Path home = dataDir.resolve("keycloak");
        Map<String, String> environment;
        try {
            Files.createDirectories(home.resolve("data").resolve("import"));
            Files.createDirectories(home.resolve("providers")); // Keycloak refuses to start without one
            linkLibraries(home, distribution);
            boolean newSecrets = !Files.exists(home.resolve("admin-password")) || !Files.exists(home.resolve("imrflow-web-secret"));
            environment = Map.of(
                    "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                    "KC_BOOTSTRAP_ADMIN_PASSWORD", SecretFile.readOrCreate(home.resolve("admin-password")),
                    // the realm file's placeholder for the browser client's secret, resolved at import
                    "IMRFLOW_WEB_CLIENT_SECRET", SecretFile.readOrCreate(home.resolve("imrflow-web-secret")));
            stageRealm(home, realmFile, pageOrigins, newSecrets);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak's home " + home, e);
        }
        KeycloakServer server = new KeycloakServer(distribution, port, managementPort, home, environment,
                dataDir.resolve("logs").resolve("keycloak.log"), recorder);
        synchronized (DISTRIBUTION) {
            // A first start rebuilds Keycloak's configuration inside the shared distribution: one stack at a time.
            try (FileChannel channel = FileChannel.open(distribution.resolveSibling("keycloak-start.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                server.launch(false);
                server.awaitReady();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not lock " + distribution.resolveSibling("keycloak-start.lock"), e);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
        return server;
    }

    /**
     * {@code --import-realm} skips a realm that exists already, so an edited realm file would go unnoticed: when the
     * file differs from the one last imported, or the secrets are new, the database goes and the realm is imported
     * afresh. The realm file is the truth here; changes made in the admin console last until the file changes.
     */
    private static void stageRealm(Path home, Path realmFile, List<String> pageOrigins, boolean newSecrets) throws IOException {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalStateException("The realm file " + realmFile + " is missing");
        }
        byte[] realm = withPageOrigins(Files.readAllBytes(realmFile), pageOrigins);
        Path importedHash = home.resolve("imported-realm.sha256");
        String hash = sha256(realm);
        boolean same = Files.isRegularFile(importedHash) && Files.readString(importedHash).strip().equals(hash);
        if (!same || newSecrets) {
            EmbeddedInfrastructure.deleteRecursively(home.resolve("data").resolve("h2"));
        }
        Files.write(home.resolve("data").resolve("import").resolve(realmFile.getFileName()), realm);
        Files.writeString(importedHash, hash + System.lineSeparator());
    }

    /** The realm with {@code origin/*} added to the browser client's redirect URIs, for each origin it lacks. */
    static byte[] withPageOrigins(byte[] realm, List<String> pageOrigins) throws IOException {
        if (pageOrigins.isEmpty()) {
            return realm;
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode tree = json.readTree(realm);
        for (com.fasterxml.jackson.databind.JsonNode client : tree.path("clients")) {
            if (WEB_CLIENT.equals(client.path("clientId").asText())) {
                com.fasterxml.jackson.databind.node.ArrayNode uris = (com.fasterxml.jackson.databind.node.ArrayNode) client.path("redirectUris");
                for (String origin : pageOrigins) {
                    String uri = origin + "/*";
                    boolean known = false;
                    for (com.fasterxml.jackson.databind.JsonNode existing : uris) {
                        known |= existing.asText().equals(uri);
                    }
                    if (!known) {
                        uris.add(uri);
                    }
                }
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
    }

    /** The browser client's secret, made for this stack's Keycloak; the pages' services need it for the code flow. */
    String webClientSecret() {
        return environment.get("IMRFLOW_WEB_CLIENT_SECRET");
    }

    /** The home's lib is the shared distribution's: Keycloak finds its jars, and its built configuration, there. */
    private static void linkLibraries(Path home, Path distribution) throws IOException {
        Path lib = home.resolve("lib");
        Path target = distribution.resolve("lib");
        if (Files.isSymbolicLink(lib) && Files.readSymbolicLink(lib).equals(target)) {
            return;
        }
        Files.deleteIfExists(lib);
        Files.createSymbolicLink(lib, target);
    }

    private void launch(boolean configurationBuilt) {
        // java itself, not kc.sh: kc.sh forks the JVM from a shell, and the pid file must name the JVM (a kill -9 of
        // the shell would leave Keycloak running, unrecorded)
        List<String> command = new ArrayList<>(List.of("-Xms64m", "-Xmx512m", "-XX:MaxMetaspaceSize=256m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8", "-Duser.language=en", "-Duser.country=US",
                // as kc.sh does
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory=io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + home, "-Djboss.server.config.dir=" + distribution.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000"));
        if (configurationBuilt) {
            command.add("-Dkc.config.built=true");
        }
        command.addAll(List.of("-cp", home.resolve("lib").resolve("quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint",
                "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                // one issuer, however a client reaches Keycloak (localhost or 127.0.0.1): the services check it
                "--hostname=" + url(),
                "--http-management-port=" + managementPort, "--health-enabled=true",
                "--import-realm", "--log-console-color=false"));
        // configured by this command line alone: a KC_* variable meant for some other Keycloak must not leak in
        process = ChildProcess.startJava("keycloak", command, environment, List.of("KC_"), log);
        recorder.started("keycloak", process.pid());
    }

    /** Waits until the realm's discovery document answers; starts Keycloak again if it exited to rebuild its configuration. */
    private void awaitReady() {
        Instant started = Instant.now();
        Instant deadline = started.plus(READY_TIMEOUT);
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            Optional<Integer> exit = process.exitCode();
            if (exit.isPresent() && exit.get() == CONFIGURATION_REBUILT) {
                launch(true);
            } else if (exit.isPresent()) {
                throw new IllegalStateException("Keycloak exited with " + exit.get() + " during start-up; see " + log
                        + System.lineSeparator() + process.logTail());
            } else if (answers(discovery)) {
                readyAfter = Duration.between(started, Instant.now());
                return;
            }
            pause();
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s (" + discovery
                + " did not answer 200; a first start builds Keycloak's configuration, which takes longer); see " + log);
    }

    private static boolean answers(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250); // polling another process's HTTP endpoint; nothing to await on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the build unpacked Keycloak, as it recorded in {@code imrflow/keycloak.properties}. */
    private static Path distribution() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream(DISTRIBUTION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DISTRIBUTION_RESOURCE + ": build deploy/local with Maven first");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path home = Path.of(properties.getProperty("keycloak.home"));
        if (!Files.isRegularFile(home.resolve("lib").resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("Keycloak is not unpacked in " + home + ": build with ./mvnw -DskipTests package");
        }
        return home;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The {@code iss} of every token, and what a service names as {@code quarkus.oidc.auth-server-url}. */
    String issuer() {
        return url() + "/realms/" + ImrflowRealm.NAME;
    }

    String adminConsole() {
        return url() + "/admin/";
    }

    /** The admin's password, made on the first start (mode 600); kept with the stack's data, never in the repository. */
    Path adminPasswordFile() {
        return home.resolve("admin-password");
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Duration readyAfter() {
        return readyAfter;
    }

    Optional<Long> residentMemoryMiB() {
        return ChildProcess.residentMemoryMiB(pid());
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    /** A random secret kept in a file only its owner can read. */
    static final class SecretFile {
        private static final SecureRandom RANDOM = new SecureRandom();

        private SecretFile() {
        }

        static String readOrCreate(Path file) throws IOException {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[24];
                RANDOM.nextBytes(bytes);
                Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
                Files.deleteIfExists(temporary);
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + System.lineSeparator());
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
    }
}
