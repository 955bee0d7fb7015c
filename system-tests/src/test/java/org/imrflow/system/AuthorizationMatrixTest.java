package org.imrflow.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The authorization matrix, as a test: {@code authorization-matrix.txt} declares, for every operation of every
 * service, the status each kind of caller gets, own against other. The test checks that the table covers exactly the
 * operations the services publish in their OpenAPI documents, then calls every cell with real tokens from the local
 * Keycloak against the running services.
 */
class AuthorizationMatrixTest {
    /** The columns of the table, in order: who calls. Null is no token at all. */
    enum Caller {
        ANONYMOUS(null), ADMIN_OWN("claims-admin-acme"), ADMIN_OTHER("claims-admin-bay"),
        REVIEWER_OWN("rev-occmed-01"), REVIEWER_OTHER("rev-pain-01"), OPERATIONS("ops");

        final String identity;

        Caller(String identity) {
            this.identity = identity;
        }
    }

    record Row(ImrService service, String method, String path, List<Integer> expected) {
        String operation() {
            return service.serviceName() + " " + method + " " + path;
        }
    }

    record Cell(Row row, Caller caller) {
        int expected() {
            return row.expected().get(caller.ordinal());
        }

        /** What changes state runs last, so that every refusal is checked against the state before it. */
        boolean changesState() {
            return !row.method().equals("GET") && expected() < 300;
        }

        @Override
        public String toString() {
            return row.operation() + " as " + caller;
        }
    }

    private static final AtomicInteger REVIEWERS = new AtomicInteger();
    private static LocalSystem system;
    /** Filed by acme-claims, assigned to and decided by rev-occmed-01, its letter issued. */
    private static String decidedCase;
    /** The document of the decided case's medical records. */
    private static String decidedCaseDocument;
    /** Filed by acme-claims, assigned to rev-occmed-01, still to be decided. */
    private static String pendingCase;
    /** The decided case's Final Determination, one of its deliveries that went out, and a published copy. */
    private static String decidedCaseLetter;
    private static String sentDelivery;
    private static String publishedReference;
    /** A reviewer the test adds, whose profile the roster's operations change. */
    private static String matrixReviewer;

    @BeforeAll
    static void twoCasesOfAcmeOnTheDeskOfRevOccmed01() {
        system = RunningSystem.get().system;
        decidedCase = SampleCases.filed(system);
        decidedCaseDocument = SampleCases.recordsSent(system, decidedCase);
        SampleCases.awaitOnTheDesk(system, decidedCase);
        SampleCases.decided(system, decidedCase);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ops").baseUri(system.url(ImrService.NOTIFICATION))
                .get("/api/letters/" + decidedCase).then().statusCode(200));
        String notification = system.url(ImrService.NOTIFICATION);
        decidedCaseLetter = await().atMost(Duration.ofSeconds(60)).until(() -> as("ops").baseUri(notification)
                .get("/api/documents?caseNumber=" + decidedCase).then().statusCode(200).extract()
                .<String>path("items.find { it.kind == 'FINAL_DETERMINATION' }.documentId"), java.util.Objects::nonNull);
        sentDelivery = await().atMost(Duration.ofSeconds(60)).until(() -> as("ops").baseUri(notification)
                .get("/api/documents/" + decidedCaseLetter + "/deliveries").then().statusCode(200).extract()
                .<String>path("find { it.status == 'SENT' }.deliveryId"), java.util.Objects::nonNull);
        publishedReference = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(notification)
                .get("/api/archive").then().statusCode(200).extract().<String>path("items[0].reference"),
                java.util.Objects::nonNull);
        pendingCase = SampleCases.filedWithRecords(system);
        SampleCases.awaitOnTheDesk(system, pendingCase);
        matrixReviewer = as("ops").baseUri(system.url(ImrService.ASSIGNMENT)).contentType(ContentType.JSON)
                .body(newReviewer()).post("/api/reviewers").then().statusCode(201).extract().path("id");
    }

    /** The webhooks the table registered would be tried for every later document of their organizations. */
    @AfterAll
    static void removeTheWebhooksRegistered() {
        for (String organization : List.of("claims-admin-acme", "claims-admin-bay")) {
            List<String> ids = as(organization).baseUri(system.url(ImrService.NOTIFICATION)).get("/api/webhooks?size=100")
                    .then().statusCode(200).extract().path("items.webhookId");
            ids.forEach(id -> as(organization).baseUri(system.url(ImrService.NOTIFICATION)).delete("/api/webhooks/" + id)
                    .then().statusCode(204));
        }
    }

    @Test
    void theTableCoversExactlyTheOperationsTheServicesPublish() {
        Set<String> published = new TreeSet<>();
        for (ImrService service : ImrService.values()) {
            JsonNode openApi = json(given().baseUri(system.managementUrl(service)).queryParam("format", "json")
                    .get("/q/openapi").then().statusCode(200).extract().asString());
            openApi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                    published.add(service.serviceName() + " " + method.toUpperCase() + " " + path.getKey())));
        }
        Set<String> declared = new TreeSet<>(rows().stream().map(Row::operation).toList());
        assertEquals(published, declared, "every published operation in the table, and nothing else");
    }

    @Test
    void everyCallerGetsTheStatusTheTableSays() {
        List<Cell> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (Caller caller : Caller.values()) {
                cells.add(new Cell(row, caller));
            }
        }
        cells.sort(Comparator.comparing(Cell::changesState));
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            int status = call(cell);
            if (status != cell.expected()) {
                wrong.add(cell + ": expected " + cell.expected() + " but got " + status);
            }
        }
        assertEquals(List.of(), wrong, "cells that disagree with the table");
    }

    private static int call(Cell cell) {
        Row row = cell.row();
        String path = row.path()
                .replace("{caseNumber}", row.path().endsWith("/determination") ? pendingCase : decidedCase)
                .replace("{id}", row.path().startsWith("/api/reviewers") ? matrixReviewer : "987654321")
                .replace("{service}", "intake-service")
                .replace("{documentId}", row.service() == ImrService.NOTIFICATION ? decidedCaseLetter : decidedCaseDocument)
                .replace("{deliveryId}", sentDelivery)
                .replace("{webhookId}", "00000000-0000-4000-8000-000000000000")
                .replace("{reference}", publishedReference);
        RequestSpecification request = (cell.caller().identity == null ? given() : as(cell.caller().identity))
                .baseUri(system.url(row.service()));
        String body = bodyFor(row);
        if (row.method().equals("POST") && row.path().equals("/api/cases/{caseNumber}/records")) {
            request = request.contentType("application/pdf").header("Content-Disposition", "attachment; filename=\"x.pdf\"")
                    .body(org.imrflow.local.chaos.CaseBodies.medicalRecord("matrix"));
        } else if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(row.method(), path).then().extract().statusCode();
    }

    /** A valid body, new each time, so that a refusal is about who calls and never about what they sent. */
    private static String bodyFor(Row row) {
        return switch (row.method() + " " + row.path()) {
            case "POST /api/cases" -> SampleDispute.application(LocalDate.now().minusDays(6), "Occupational Medicine",
                    SampleDispute.newClaimNumber());
            case "POST /api/reviewers" -> newReviewer();
            // the profile as read now, so that its version is current
            case "PUT /api/reviewers/{id}" -> as("ops").baseUri(system.url(ImrService.ASSIGNMENT))
                    .get("/api/reviewers/" + matrixReviewer).then().statusCode(200).extract().asString();
            case "POST /api/assignments/{caseNumber}/reassignment" -> "{\"reason\": \"the authorization matrix\"}";
            case "POST /api/reviews/{caseNumber}/determination", "POST /api/reviews/{caseNumber}/letter-preview" ->
                    SampleDispute.determination();
            case "PUT /api/reviews/{caseNumber}/draft" -> "{\"revision\": 0}";
            case "POST /api/webhooks" -> "{\"url\": \"https://receiver.example/imr\"}";
            case "POST /api/reviews/{caseNumber}/decline" -> "{\"reason\": \"UNAVAILABLE\"}";
            case "POST /api/cases/{caseNumber}/expedited-review" -> "{\"certificationReceivedDate\": \"" + LocalDate.now().minusDays(1) + "\"}";
            case "POST /api/cases/{caseNumber}/withdrawal" -> "{\"treatmentAuthorizedDate\": \"" + LocalDate.now().minusDays(1) + "\"}";
            case "POST /api/cases/{caseNumber}/liability-resolution" ->
                    "{\"resolvedDate\": \"" + LocalDate.now().minusDays(1) + "\", \"liabilityAccepted\": true}";
            default -> null;
        };
    }

    /** A reviewer of a specialty that treats nothing, so that no case is ever offered to them. */
    private static String newReviewer() {
        return """
                { "id": "rev-matrix-%d-%d", "name": "Dr. Matrix", "specialty": "Matrix Testing",
                  "californiaLicence": { "number": "A 000001", "expiresOn": "2099-12-31" },
                  "boardCertification": { "board": "American Board of Matrix Testing", "specialty": "Matrix Testing" },
                  "practiceStartedOn": "2010-01-01", "weeklyClinicalHours": 30, "affiliations": [] }
                """.formatted(ProcessHandle.current().pid(), REVIEWERS.incrementAndGet());
    }

    /** The table, with each "*" row once for every service. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.trim().split("\\s+");
                List<Integer> expected = Arrays.stream(columns, 3, columns.length).map(Integer::valueOf).toList();
                assertEquals(Caller.values().length, expected.size(), "a status for every caller: " + line);
                List<ImrService> services = columns[0].equals("*") ? List.of(ImrService.values())
                        : List.of(Arrays.stream(ImrService.values())
                        .filter(s -> s.serviceName().equals(columns[0] + "-service")).findFirst().orElseThrow());
                for (ImrService service : services) {
                    rows.add(new Row(service, columns[1], columns[2], expected));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static RequestSpecification as(String identity) {
        return SampleCases.as(system, identity);
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
