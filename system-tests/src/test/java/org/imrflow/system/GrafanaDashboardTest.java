package org.imrflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric the Grafana dashboard ({@code deploy/grafana/imrflow-dashboard.json}) queries exists on the running
 * services, once a case has gone through: a renamed metric would leave a panel silently empty.
 */
class GrafanaDashboardTest {
    private static final Path ROOT = Path.of(System.getProperty("imrflow.repository-root", "..")).toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile("\\b(imrflow_[a-z_]+)");

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws IOException {
        Set<String> queried = queriedMetrics();
        assertTrue(queried.size() >= 8, "the dashboard queries the spine and the pipeline: " + queried);
        LocalSystem system = RunningSystem.get().system;
        aCaseGoesThrough(system);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> served = servedMetrics(system);
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(served);
            assertEquals(Set.of(), missing, "queried by the dashboard but served by no service");
        });
    }

    private static Set<String> queriedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/imrflow-dashboard.json").toFile());
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher matcher = METRIC.matcher(target.path("expr").asText());
                while (matcher.find()) {
                    metrics.add(matcher.group(1));
                }
            }
        }
        return metrics;
    }

    /** Metric names as Prometheus sees them on the four services' management interfaces. */
    private static Set<String> servedMetrics(LocalSystem system) {
        Set<String> served = new TreeSet<>();
        for (ImrService service : ImrService.values()) {
            String body = given().baseUri(system.managementUrl(service)).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            body.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(served::add);
        }
        return served;
    }

    private static void aCaseGoesThrough(LocalSystem system) {
        String caseNumber = SampleCases.filedWithRecords(system);
        SampleCases.awaitOnTheDesk(system, caseNumber);
        SampleCases.decided(system, caseNumber);
    }
}
