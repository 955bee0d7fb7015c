package org.imrflow.system;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A real browser for the page tests: Debian's chromium, headless, driven through chromium-driver (both installed by
 * ./run-tests.sh, never downloaded). Signs in through Keycloak's login form, reads the page in one script at a time,
 * and keeps screenshots in {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of(System.getProperty("imrflow.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("imrflow.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(60);

    final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    /** @param width the window's width in CSS pixels: 1280 for a desktop, about 800 for a tablet */
    static Browser open(int width) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): ./run-tests.sh installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + width + ",1400",
                "--disable-gpu", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    /** Opens a page of a service, is sent to Keycloak's login form, signs in there and comes back. */
    void signIn(String serviceUrl, String page, String username) {
        driver.get(serviceUrl + page);
        await().atMost(PATIENCE).until(() -> !driver.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username); // the local realm's users: password = username
        driver.findElement(By.id("kc-login")).click();
        await().atMost(PATIENCE).until(() -> driver.getCurrentUrl().startsWith(serviceUrl));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    String text(String css) {
        List<String> found = texts(css);
        return found.isEmpty() ? "" : found.get(0);
    }

    /**
     * The text of every element matching a selector, read in one script: the pages redraw while the test reads them,
     * and an element found in one call can be gone by the next (a stale element reference).
     */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim());", css);
    }

    boolean present(String css) {
        return Boolean.TRUE.equals(script("return document.querySelector(arguments[0]) !== null;", css));
    }

    /**
     * Waits until the condition holds on this page; if it never does, fails with what the page showed then (its text
     * and any errors it logged), kept with a screenshot, so a failure can be understood without running it again.
     */
    void awaitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException timedOut) {
            String shot = "failed-" + System.currentTimeMillis() + ".png";
            screenshot(shot);
            throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + " at " + driver.getCurrentUrl()
                    + " (screenshot " + shot + "); the page showed:\n" + script("return document.body.innerText;")
                    + "\nerrors: " + script("return window.pageErrors || [];"), timedOut);
        }
    }

    void screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
