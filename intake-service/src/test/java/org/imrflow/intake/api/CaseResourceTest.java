package org.imrflow.intake.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.imrflow.events.EventType;
import org.imrflow.events.testing.EventStreamProbe;
import org.imrflow.events.testing.EventStreamProbe.StreamEvent;
import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.LocalStackTestResource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.imrflow.events.testing.SignIn.ACME;
import static org.imrflow.events.testing.SignIn.asClaimsAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class CaseResourceTest {
    private static final String CASE_NUMBER = "CM\\d{2}-\\d{7}";

    private final EventStreamProbe stream = EventStreamProbe.ofTestConfig();

    static String sampleDispute(LocalDate urDecision) {
        return SampleDispute.application(urDecision, "Pain Medicine");
    }

    @Test
    void anEligibleDisputeIsNumberedStoredAndAnnounced() {
        String caseNumber = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(sampleDispute(LocalDate.now().minusDays(5)))
                .when().post("/api/cases")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/cases/" + CASE_NUMBER))
                .body("caseNumber", matchesPattern(CASE_NUMBER))
                .body("status", equalTo("RECEIVED"))
                .body("screeningReasons", hasSize(0))
                .body("disputedItems[0].itemNumber", equalTo(1))
                .body("disputedItems[0].description", equalTo("Cervical medial branch neurotomy at bilateral C2 C3 C4"))
                .extract().path("caseNumber");

        asClaimsAdmin(ACME).when().get("/api/cases/" + caseNumber)
                .then().statusCode(200)
                .body("caseNumber", equalTo(caseNumber))
                .body("status", equalTo("RECEIVED"))
                .body("reviewType", equalTo("STANDARD"))
                .body("employeeRepresented", equalTo(true));

        StreamEvent event = stream.awaitEvent(EventType.CASE_RECEIVED, caseNumber);
        assertEquals("/intake-service", event.source());
        assertEquals("Pain Medicine", event.payload().at("/parties/requestingPhysicianSpecialty").asText());
        assertEquals("INJECTIONS", event.payload().at("/disputedItems/0/category").asText());
        assertEquals(false, event.payload().at("/claimsAdministratorGuideline/basedOnMtus").asBoolean());
        // every party's contact, for notification to address and deliver the documents
        assertEquals("REPRESENTATIVE", event.payload().at("/contacts/1/role").asText());
        assertEquals("robin@counsel-co.example", event.payload().at("/contacts/1/email").asText());
        assertEquals("PO Box 1000, Oakland, CA 94604", event.payload().at("/contacts/4/mailingAddress").asText());
    }

    @Test
    void aLateApplicationIsStoredAsIneligibleAndTheReasonsAnnounced() {
        String caseNumber = asClaimsAdmin(ACME).contentType(ContentType.JSON).body(sampleDispute(LocalDate.now().minusDays(45)))
                .when().post("/api/cases")
                .then().statusCode(201)
                .body("status", equalTo("INELIGIBLE"))
                .body("screeningReasons", hasItem(containsString("after the filing window closed")))
                .extract().path("caseNumber");

        StreamEvent event = stream.awaitEvent(EventType.CASE_INELIGIBLE, caseNumber);
        assertEquals(false, event.payload().get("deferred").asBoolean());
        assertEquals(1, event.payload().get("reasons").size());
        assertEquals("acme-claims", event.payload().get("claimsAdministratorOrg").asText());
        assertEquals("pat.example@example.com", event.payload().at("/contacts/0/email").asText());
    }

    @Test
    void malformedJsonIsAProblemAndNothingIsStored() {
        long before = total();
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"reviewType\": ")
                .when().post("/api/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors[0].field", equalTo("(body)"));
        assertEquals(before, total());
    }

    @Test
    void everyMissingRequiredFieldIsNamed() {
        long before = total();
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body("{\"employee\": {\"represented\": false}, \"disputedItems\": []}")
                .when().post("/api/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("instance", endsWith("/api/cases"))
                .body("errors.field", containsInAnyOrder("claim", "claimsAdministrator", "disputedItems",
                        "employee.name", "requestingPhysician", "reviewType", "urDecision"));
        assertEquals(before, total());
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
        String body = sampleDispute(LocalDate.now().minusDays(5)).replace("\"STANDARD\"", "\"URGENT\"");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reviewType"))
                .body("errors[0].message", equalTo("must be one of [STANDARD, EXPEDITED]"));
    }

    @Test
    void aFutureUrDecisionDateAndAnUnknownItemCategoryAreBothNamed() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        String body = sampleDispute(LocalDate.now().minusDays(5))
                .replaceFirst("\"date\": \"[0-9-]+\"", "\"date\": \"" + tomorrow + "\"");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases")
                .then().statusCode(400)
                .body("errors.field", contains("urDecision.date"))
                .body("errors[0].message", containsString("in the past or in the present"));
    }

    @Test
    void anEmptyItemListAndABlankDescriptionAreNamed() {
        String empty = sampleDispute(LocalDate.now().minusDays(5)).replaceAll("(?s)\"disputedItems\": \\[.*?\\]", "\"disputedItems\": []");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(empty)
                .when().post("/api/cases")
                .then().statusCode(400)
                .body("errors.field", contains("disputedItems"));

        String blank = sampleDispute(LocalDate.now().minusDays(5)).replace("Cervical medial branch neurotomy at bilateral C2 C3 C4", " ");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(blank)
                .when().post("/api/cases")
                .then().statusCode(400)
                .body("errors.field", contains("disputedItems[0].description"));
    }

    @Test
    void aRepresentedEmployeeNeedsARepresentative() {
        String body = sampleDispute(LocalDate.now().minusDays(5))
                .replaceAll(",\\s*\"representative\": \\{[^}]*\\}", "");
        asClaimsAdmin(ACME).contentType(ContentType.JSON).body(body)
                .when().post("/api/cases")
                .then().statusCode(400)
                .body("errors.field", contains("employee.representative"));
    }

    @Test
    void anUnknownCaseIsNotFound() {
        asClaimsAdmin(ACME).when().get("/api/cases/CM26-9999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("CM26-9999999"));
    }

    @Test
    void casesArePagedNewestFirstAndFilteredByStatus() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(asClaimsAdmin(ACME).contentType(ContentType.JSON).body(sampleDispute(LocalDate.now().minusDays(5)))
                    .when().post("/api/cases").then().statusCode(201).extract().path("caseNumber"));
        }
        asClaimsAdmin(ACME).queryParam("size", 2).queryParam("status", "RECEIVED")
                .when().get("/api/cases")
                .then().statusCode(200)
                .body("items.caseNumber", contains(submitted.get(2), submitted.get(1)))
                .body("items.status", everyItem(equalTo("RECEIVED")))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(3));
        asClaimsAdmin(ACME).queryParam("size", 2).queryParam("page", 1).queryParam("status", "RECEIVED")
                .when().get("/api/cases")
                .then().statusCode(200)
                .body("items[0].caseNumber", equalTo(submitted.get(0)));

        asClaimsAdmin(ACME).queryParam("size", 500)
                .when().get("/api/cases")
                .then().statusCode(400)
                .body("errors.field", contains("size"));
    }

    private static long total() {
        return ((Number) asClaimsAdmin(ACME).when().get("/api/cases").then().statusCode(200).extract().path("total")).longValue();
    }
}
