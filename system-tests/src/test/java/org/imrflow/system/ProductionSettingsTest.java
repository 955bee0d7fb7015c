package org.imrflow.system;

import org.imrflow.local.ImrService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In production a service has no default database password and no default identity provider: started without one,
 * it stops at once, before it touches the database, and names the setting that is missing (whose variable each
 * service's application.properties gives), rather than running open or with a guessed secret.
 */
class ProductionSettingsTest {
    private static final Path ROOT = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();

    @Test
    void withoutADatabasePasswordEveryServiceStopsAndNamesTheVariable() throws Exception {
        for (ImrService service : ImrService.values()) {
            Started started = start(service, Map.of("IMRFLOW_OIDC_ISSUER", "http://127.0.0.1:1/realms/imrflow"));
            assertNotEquals(0, started.exitCode(), service + " must not start");
            assertTrue(started.output().contains("imrflow.production.database-password"), service + ":\n" + started.output());
            assertFalse(started.output().contains("Connection refused"), "stopped before it tried the database: " + started.output());
        }
    }

    @Test
    void withoutAnIdentityProviderAServiceStopsAndNamesTheVariable() throws Exception {
        Started started = start(ImrService.INTAKE, Map.of("INTAKE_DB_PASSWORD", "not-used"));
        assertNotEquals(0, started.exitCode(), "intake must not start");
        assertTrue(started.output().contains("quarkus.oidc.auth-server-url"), started.output());
    }

    private record Started(int exitCode, String output) {
    }

    /** The service's jar in the prod profile, with only the given environment (and PATH), on ports nobody uses. */
    private static Started start(ImrService service, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-jar", service.runnableJar(ROOT).toString()));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(service + " was still running after 120 s: it started without the setting");
        }
        return new Started(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
