package org.imrflow.system;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations page in a real browser (Debian's chromium, headless): signed in through Keycloak's login form, it
 * shows a case submitted through the API as it moves, without a reload, and its timeline; a claims administrator is
 * refused. The screenshot is kept in {@code target/screenshots/}.
 */
class OperationsPageBrowserTest {
    private static final java.time.Duration PATIENCE = Browser.PATIENCE;

    private final RunningSystem running = RunningSystem.get();
    private final LocalSystem system = running.system;
    private Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void operationsWatchACaseMoveLiveAndOpenItsTimeline() {
        browser = Browser.open(1280);
        browser.signIn(system.url(ImrService.NOTIFICATION), "/operations/", "ops");
        await().atMost(PATIENCE).until(() -> browser.text("#connection").equals("live"));
        await().atMost(PATIENCE).until(() -> browser.present("#stages li"));
        browser.script("window.notReloaded = true;");
        long receivedBefore = stageCount("ALL");
        long lettersBefore = stageCount("LETTER_ISSUED");

        String caseNumber = SampleCases.filedWithRecords(system);
        await().atMost(PATIENCE).until(() -> browser.present("#feed tbody tr[data-case-number='" + caseNumber + "']"));
        await().atMost(PATIENCE).until(() -> stageCount("ALL") > receivedBefore);
        SampleCases.awaitOnTheDesk(system, caseNumber);
        SampleCases.decided(system, caseNumber);
        await().atMost(PATIENCE).until(() -> stageCount("LETTER_ISSUED") > lettersBefore);
        assertEquals(Boolean.TRUE, browser.script("return window.notReloaded === true;"), "the counts moved without a reload");

        browser.driver.findElement(By.id("timeline-case")).sendKeys(caseNumber);
        browser.driver.findElement(By.cssSelector("#timeline-form button")).click();
        // every event of the case, whichever order the topics delivered them to the view in
        List<String> every = List.of("case-received", "notice-of-assignment-sent", "reviewer-assigned", "records-received",
                "offer-accepted", "decision-recorded", "letter-issued");
        await().atMost(PATIENCE).until(() -> {
            if (browser.texts("#timeline tbody tr td:nth-child(3)").containsAll(every)) {
                return true;
            }
            browser.driver.findElement(By.cssSelector("#timeline-form button")).click(); // the timeline is read per ask
            return false;
        });
        List<String> types = browser.texts("#timeline tbody tr td:nth-child(3)");
        assertEquals(List.of("case-received", "reviewer-assigned", "decision-recorded", "letter-issued"),
                types.stream().filter(List.of("case-received", "reviewer-assigned", "decision-recorded", "letter-issued")::contains)
                        .distinct().toList(),
                "the case's events in order");
        assertTrue(browser.text("#timeline").contains(SampleCases.REVIEWER), "operations see the reviewer");
        assertTrue(!browser.driver.getPageSource().contains("Pat Example"), "no PHI on the page");

        // the spine: a card per service, each ready
        await().atMost(PATIENCE).until(() -> browser.texts("#spine .card .badge"),
                badges -> badges.equals(List.of("UP", "UP", "UP", "UP")));
        // deliveries and the public archive, read through the page's own sign-in
        await().atMost(PATIENCE).until(() -> browser.text("#delivery-figures"),
                figures -> figures.matches("\\d+ failed deliver(y|ies) · \\d+ public cop(y|ies) held back"));
        browser.screenshot("operations-page.png");
    }

    @Test
    void aClaimsAdministratorIsRefused() {
        browser = Browser.open(1280);
        browser.signIn(system.url(ImrService.NOTIFICATION), "/operations/", SampleCases.CLAIMS_ADMIN);
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/operations/').then(r => done(r.status));");
        assertEquals(403L, status);
        assertTrue(!browser.present("#stages"), "the page is not shown");
        Object live = ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/operations/pipeline').then(r => done(r.status));");
        assertEquals(403L, live, "nor its data");
    }

    private long stageCount(String stage) {
        List<String> counts = browser.texts("#stages li[data-stage='" + stage + "'] .count");
        return counts.isEmpty() ? -1 : Long.parseLong(counts.get(0));
    }
}
