package org.imrflow.system;

import org.imrflow.events.testing.SampleDispute;
import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewer's desk in a real browser (Debian's chromium, headless), signed in through Keycloak's login form. A
 * spinal fusion goes to an orthopedic surgeon or a neurosurgeon only (the demo roster's second orthopedic surgeon's
 * licence has expired), so both of their desks are opened first, one at a desktop's width and one at a tablet's:
 * the offer appears on one without a reload, is declined there, and appears on the other, whose reviewer accepts it,
 * fills the worksheet (which refuses a citation below MTUS until it says why each higher level does not apply),
 * previews the letter and submits, and the letter is issued. Screenshots are kept in {@code target/screenshots/}.
 */
class ReviewerDeskBrowserTest {
    private static final List<String> SPINE_SURGEONS = List.of("rev-ortho-01", "rev-neurosurg-01");
    private static final String FUSION = "Lumbar interbody fusion L4-L5";

    private final LocalSystem system = RunningSystem.get().system;
    private final Map<String, Browser> desks = new LinkedHashMap<>();

    @AfterEach
    void closeTheBrowsers() {
        desks.values().forEach(Browser::close);
    }

    @Test
    void anOfferDeclinedOnOneDeskIsAcceptedDecidedAndIssuedOnAnother() {
        String review = system.url(ImrService.REVIEW);
        int width = 1280;
        for (String reviewer : SPINE_SURGEONS) {
            Browser desk = Browser.open(width);
            desks.put(reviewer, desk);
            desk.signIn(review, "/desk/", reviewer);
            width = 820; // the second desk at a tablet's width
        }
        for (Browser desk : desks.values()) {
            desk.awaitUntil("the desk to be live", () -> desk.text("#connection").equals("live"));
            desk.script("window.notReloaded = true; window.pageErrors = [];"
                    + " window.addEventListener('error', e => window.pageErrors.push(String(e.message)));"
                    + " window.addEventListener('unhandledrejection', e => window.pageErrors.push(String(e.reason)));");
        }

        // A call that changes something, made with the session cookie but not by the page (as a form on another site
        // would post it), is refused before it is read.
        Object forged = ((org.openqa.selenium.JavascriptExecutor) desks.get(SPINE_SURGEONS.get(0)).driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " fetch('/api/reviews/CM26-9999999/acceptance', {method: 'POST', credentials: 'same-origin'})"
                        + ".then(r => done(r.status));");
        assertEquals(403L, forged, "a forgeable call is refused");

        // A case is submitted: the offer appears on one desk without a reload.
        String caseNumber = spinalFusionFiled();
        String offer = "#offers [data-case-number='" + caseNumber + "']";
        String first = await().atMost(Browser.PATIENCE).until(() -> desks.entrySet().stream()
                .filter(desk -> desk.getValue().present(offer)).map(Map.Entry::getKey).findFirst().orElse(null),
                java.util.Objects::nonNull);
        String second = SPINE_SURGEONS.stream().filter(reviewer -> !reviewer.equals(first)).findFirst().orElseThrow();
        Browser firstDesk = desks.get(first);
        Browser secondDesk = desks.get(second);
        assertTrue(firstDesk.text(offer).contains(FUSION), firstDesk.text(offer));
        firstDesk.screenshot("reviewer-desk-offer.png");

        // The reviewer declines it, with a reason; it leaves their desk and appears on the other one's.
        new Select(firstDesk.driver.findElement(By.cssSelector(offer + " select.decline-reason"))).selectByValue("UNAVAILABLE");
        firstDesk.driver.findElement(By.cssSelector(offer + " button.decline")).click();
        firstDesk.awaitUntil("the declined offer to leave the desk", () -> !firstDesk.present(offer));
        secondDesk.awaitUntil("the offer on the second desk", () -> secondDesk.present(offer));
        for (Browser desk : desks.values()) {
            assertEquals(Boolean.TRUE, desk.script("return window.notReloaded === true;"), "the desk changed without a reload");
        }

        // The second reviewer accepts: the case moves to their cases and its file and worksheet open.
        secondDesk.driver.findElement(By.cssSelector(offer + " button.accept")).click();
        secondDesk.awaitUntil("the accepted case", () -> secondDesk.present("#my-cases [data-case-number='" + caseNumber + "']"));
        // The worksheet's fields exist before its draft is read; it is shown, and can be typed in, only after.
        secondDesk.awaitUntil("the worksheet", () -> secondDesk.present("#worksheet:not([hidden]) #worksheet-items fieldset[data-item-number='1']"));
        assertTrue(secondDesk.text("#case-items").contains(FUSION), secondDesk.text("#case-items"));

        // The worksheet: a citation below MTUS without saying why the higher levels do not apply is refused.
        type(secondDesk, "#clinical-case-summary", "The injured worker has chronic low back pain with L4-L5"
                + " spondylolisthesis after an industrial injury; conservative care has not helped.");
        String item = "#worksheet-items fieldset[data-item-number='1'] ";
        secondDesk.driver.findElement(By.cssSelector(item + "input.outcome[value='UPHELD']")).click();
        new Select(secondDesk.driver.findElement(By.cssSelector(item + "select.evidence-level")))
                .selectByValue("NATIONAL_PROFESSIONAL_STANDARDS");
        type(secondDesk, item + "input.source", "North American Spine Society coverage policy");
        type(secondDesk, item + "input.pages", "12-14");
        type(secondDesk, item + "textarea.rationale", "Fusion is not supported without instability on flexion-extension"
                + " views; none is documented. The request is not medically necessary.");
        secondDesk.driver.findElement(By.id("submit-determination")).click();
        secondDesk.awaitUntil("the worksheet's refusal", () -> secondDesk.text("#worksheet-errors").contains("Item 1"));
        String refusal = secondDesk.text("#worksheet-errors");
        assertTrue(refusal.contains("MTUS") && refusal.toLowerCase().contains("peer-reviewed"), refusal);
        assertFalse(secondDesk.present("#confirm-dialog[open]"), "nothing is submitted");
        secondDesk.screenshot("reviewer-desk-worksheet-refused.png");

        // With a reason for each higher level, the draft is saved, the letter previewed, and the determination submitted.
        List<WebElement> whyNot = secondDesk.driver.findElements(By.cssSelector(item + "textarea.why-not-higher"));
        assertEquals(2, whyNot.size(), "a reason for MTUS and for peer-reviewed evidence");
        List<String> levels = new ArrayList<>();
        for (WebElement reason : whyNot) {
            levels.add(reason.getAttribute("data-level"));
            reason.sendKeys("Silent on lumbar fusion for this indication.");
        }
        assertEquals(List.of("MTUS", "PEER_REVIEWED_EVIDENCE"), levels);
        secondDesk.awaitUntil("the draft saved", () -> secondDesk.text("#save-state").startsWith("Saved at"));
        secondDesk.driver.findElement(By.id("preview-letter")).click();
        secondDesk.awaitUntil("the letter preview", () -> secondDesk.text("#letter-preview").contains(FUSION + ": Upheld"));
        String preview = secondDesk.text("#letter-preview");
        assertTrue(preview.startsWith("INDEPENDENT MEDICAL REVIEW FINAL DETERMINATION"), preview);
        assertFalse(preview.contains(second), "the reviewer is never named in the letter");
        secondDesk.screenshot("reviewer-desk-letter-preview.png");
        secondDesk.driver.findElement(By.id("letter-preview")).sendKeys(Keys.ESCAPE);
        secondDesk.awaitUntil("the preview closed", () -> !secondDesk.present("#letter-dialog[open]"));

        secondDesk.driver.findElement(By.id("submit-determination")).click();
        secondDesk.awaitUntil("the confirmation", () -> secondDesk.present("#confirm-dialog[open]"));
        secondDesk.driver.findElement(By.id("confirm-submit")).click();
        secondDesk.awaitUntil("the decided case off the desk", () -> !secondDesk.present("#my-cases [data-case-number='" + caseNumber + "']"));
        secondDesk.screenshot("reviewer-desk-submitted.png");

        // The letter is issued, as previewed.
        String letter = await().atMost(Browser.PATIENCE).until(() -> SampleCases.as(system, SampleCases.CLAIMS_ADMIN)
                .baseUri(system.url(ImrService.NOTIFICATION)).accept("text/plain").get("/api/letters/" + caseNumber)
                .then().extract(), response -> response.statusCode() == 200).asString();
        assertTrue(letter.contains("\n" + FUSION + ": Upheld\n"), letter);
        assertEquals(preview.substring(preview.indexOf("HOW THE IMR")).strip().replaceAll("\\s+", " "),
                letter.substring(letter.indexOf("HOW THE IMR")).strip().replaceAll("\\s+", " "),
                "the letter reads as previewed");
    }

    /** A spinal fusion filed by the claims administrator, with its records sent; returns the case number. */
    private String spinalFusionFiled() {
        String application = SampleDispute.application(LocalDate.now().minusDays(6), "Orthopedic Surgery",
                        SampleDispute.newClaimNumber())
                .replace("\"description\": \"" + SampleDispute.NEUROTOMY + "\", \"category\": \"INJECTIONS\", \"icd10Code\": \"M54.2\"",
                        "\"description\": \"" + FUSION + "\", \"category\": \"SURGERY\", \"icd10Code\": \"M43.16\"");
        assertTrue(application.contains(FUSION), application);
        String caseNumber = SampleCases.as(system, SampleCases.CLAIMS_ADMIN).baseUri(system.url(ImrService.INTAKE))
                .contentType(ContentType.JSON).body(application).post("/api/cases")
                .then().statusCode(201).extract().path("caseNumber");
        SampleCases.recordsSent(system, caseNumber);
        return caseNumber;
    }

    private static void type(Browser browser, String css, String text) {
        WebElement field = browser.driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }
}
