package org.imrflow.system;

import org.imrflow.local.ImrService;
import org.imrflow.local.LocalSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
    private static final Path CHROMIUM = Path.of(System.getProperty("imrflow.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("imrflow.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final RunningSystem running = RunningSystem.get();
    private final LocalSystem system = running.system;
    private WebDriver browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void operationsWatchACaseMoveLiveAndOpenItsTimeline() throws IOException {
        browser = browser();
        signIn("ops", "/operations/");
        await().atMost(PATIENCE).until(() -> text("#connection").equals("live"));
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#stages li")).isEmpty());
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
        long receivedBefore = stageCount("ALL");
        long lettersBefore = stageCount("LETTER_ISSUED");

        String caseNumber = SampleCases.filedWithRecords(system);
        await().atMost(PATIENCE).until(() -> !browser.findElements(
                By.cssSelector("#feed tbody tr[data-case-number='" + caseNumber + "']")).isEmpty());
        await().atMost(PATIENCE).until(() -> stageCount("ALL") > receivedBefore);
        SampleCases.awaitOnTheDesk(system, caseNumber);
        SampleCases.decided(system, caseNumber);
        await().atMost(PATIENCE).until(() -> stageCount("LETTER_ISSUED") > lettersBefore);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"),
                "the counts moved without a reload");

        browser.findElement(By.id("timeline-case")).sendKeys(caseNumber);
        browser.findElement(By.cssSelector("#timeline-form button")).click();
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#timeline tbody tr")).size() >= 7);
        List<String> types = texts("#timeline tbody tr td:nth-child(3)");
        assertEquals(List.of("case-received", "reviewer-assigned", "decision-recorded", "letter-issued"),
                types.stream().filter(List.of("case-received", "reviewer-assigned", "decision-recorded", "letter-issued")::contains).toList(),
                "the case's events in order");
        assertTrue(types.containsAll(List.of("notice-of-assignment-sent", "records-received")), types.toString());
        assertTrue(text("#timeline").contains(SampleCases.REVIEWER), "operations see the reviewer");
        assertTrue(!browser.getPageSource().contains("Pat Example"), "no PHI on the page");

        // the spine: a card per service, each ready
        await().atMost(PATIENCE).until(() -> texts("#spine .card .badge"),
                badges -> badges.equals(List.of("UP", "UP", "UP", "UP")));
        screenshot("operations-page.png");
    }

    @Test
    void aClaimsAdministratorIsRefused() {
        browser = browser();
        signIn(SampleCases.CLAIMS_ADMIN, "/operations/");
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/operations/').then(r => done(r.status));");
        assertEquals(403L, status);
        assertTrue(browser.findElements(By.id("stages")).isEmpty(), "the page is not shown");
        Object live = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/api/operations/pipeline').then(r => done(r.status));");
        assertEquals(403L, live, "nor its data");
    }

    /** Opens the page, is sent to Keycloak's login form, signs in there and comes back. */
    private void signIn(String username, String page) {
        browser.get(system.url(ImrService.NOTIFICATION) + page);
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username); // the local realm's users: password = username
        browser.findElement(By.id("kc-login")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().startsWith(system.url(ImrService.NOTIFICATION)));
    }

    private long stageCount(String stage) {
        List<String> counts = texts("#stages li[data-stage='" + stage + "'] .count");
        return counts.isEmpty() ? -1 : Long.parseLong(counts.get(0));
    }

    private String text(String css) {
        List<String> found = texts(css);
        return found.isEmpty() ? "" : found.get(0);
    }

    /**
     * The text of every element matching a selector, read in one script: the page redraws its panels while the test
     * reads them, and an element found in one call can be gone by the next (a stale element reference).
     */
    @SuppressWarnings("unchecked")
    private List<String> texts(String css) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim());", css);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriver browser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): ./run-tests.sh installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400",
                "--disable-gpu", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
