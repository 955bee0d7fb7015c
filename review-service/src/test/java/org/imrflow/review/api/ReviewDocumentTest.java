package org.imrflow.review.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.imrflow.events.DocumentReference;
import org.imrflow.events.documents.DocumentStore;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.imrflow.events.testing.SignIn.asOperations;
import static org.imrflow.events.testing.SignIn.asReviewer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The medical records' bytes, from the document store, for whoever may read the review. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "review"))
class ReviewDocumentTest {
    private static final AtomicInteger CASES = new AtomicInteger(6_500_000);

    @Inject
    DocumentStore store;

    /** A case on {@code reviewerId}'s desk whose records hold one stored document. */
    private String caseWithDocument(String reviewerId, DocumentReference document) {
        EventStreamProbe stream = EventStreamProbe.ofTestConfig();
        String caseNumber = ReviewInputTest.assign(stream, CASES, reviewerId);
        IntakeEvents.recordsComplete(stream, caseNumber, Instant.now(), LocalDate.now().plusDays(30), document);
        ReviewInputTest.awaitAccepted(caseNumber);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperations()
                .get("/api/reviews/" + caseNumber).then().body("documents.documentId", hasItem(document.documentId())));
        return caseNumber;
    }

    private DocumentReference stored(String name, String mediaType, byte[] content) {
        String sha256 = store.put(content).await().atMost(Duration.ofSeconds(10));
        return IntakeEvents.document(name, mediaType, content, sha256);
    }

    @Test
    void theAssignedReviewerDownloadsADocumentWithItsTypeAndName() {
        byte[] content = ("%PDF-1.4 treating physician's report " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        DocumentReference report = stored("Report – Dr. \"Lee\".pdf", "application/pdf", content);
        String caseNumber = caseWithDocument("rev-docs-01", report);

        byte[] downloaded = asReviewer("rev-docs-01").get("/api/reviews/{caseNumber}/documents/{documentId}", caseNumber,
                        report.documentId())
                .then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", equalTo(
                        "attachment; filename=\"Report _ Dr. _Lee_.pdf\"; filename*=UTF-8''Report%20%E2%80%93%20Dr.%20%22Lee%22.pdf"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertArrayEquals(content, downloaded);

        asOperations().queryParam("subject", "rev-docs-01").queryParam("what", "document").get("/api/access-log")
                .then().statusCode(200)
                .body("items.request", hasItem("GET /api/reviews/" + caseNumber + "/documents/" + report.documentId()))
                .body("items.role", everyItem(equalTo("reviewer")));
    }

    @Test
    void onlyWhoeverMayReadTheReviewGetsItsDocuments() {
        byte[] content = ("imaging report " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        DocumentReference imaging = stored("mri.txt", "text/plain", content);
        String caseNumber = caseWithDocument("rev-docs-02", imaging);
        String path = "/api/reviews/" + caseNumber + "/documents/" + imaging.documentId();

        asReviewer("rev-docs-03").get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        asClaimsAdmin(ACME).get(path).then().statusCode(403);
        assertArrayEquals(content, asOperations().get(path).then().statusCode(200).extract().asByteArray());
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        DocumentReference known = stored("known.pdf", "application/pdf", ("known " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        String caseNumber = caseWithDocument("rev-docs-04", known);

        asReviewer("rev-docs-04").get("/api/reviews/{caseNumber}/documents/{documentId}", caseNumber, UUID.randomUUID())
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
        asReviewer("rev-docs-04").get("/api/reviews/CM26-0000000/documents/{documentId}", known.documentId())
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }
}
