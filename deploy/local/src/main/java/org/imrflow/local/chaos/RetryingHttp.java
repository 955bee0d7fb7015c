package org.imrflow.local.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * HTTP as a patient client does it: a connection error, a timeout or a 5xx is retried with capped, jittered
 * back-off, the same request each time (so a POST keeps its {@code Idempotency-Key}), until an answer below 500 comes
 * back or the caller says stop. Everything else (2xx, 4xx) is the caller's to judge.
 */
public final class RetryingHttp {
    /** Who the harness acts as: the demo identities of the local realm. */
    public static final String CLAIMS_ADMIN = "claims-admin-acme";
    public static final String OPERATIONS = "ops";

    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final AtomicLong retries = new AtomicLong();
    /** A signed-in identity's current access token: a reviewer's username is their reviewer id. */
    private final Function<String, String> tokens;

    public RetryingHttp(Function<String, String> tokens) {
        this.tokens = tokens;
    }

    /** Retries so far, over all requests: each one a connection error, timeout or 5xx. */
    public long retries() {
        return retries.get();
    }

    public Optional<Response> get(String identity, String url, BooleanSupplier stop) {
        return send(() -> HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json").header("Authorization", bearer(identity)).build(), stop);
    }

    public Optional<Response> postJson(String identity, String url, String json, Map<String, String> headers, BooleanSupplier stop) {
        return post(identity, url, "application/json", json.getBytes(StandardCharsets.UTF_8), headers, stop);
    }

    public Optional<Response> post(String identity, String url, String contentType, byte[] body, Map<String, String> headers,
                            BooleanSupplier stop) {
        return send(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", contentType).header("Accept", "application/json")
                    .header("Authorization", bearer(identity))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            return request.build();
        }, stop);
    }

    /** One attempt, no retry: empty on a connection error or timeout. */
    public Optional<Response> once(String identity, String url) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").header("Authorization", bearer(identity)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Response(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Empty only when {@code stop} said so (or the thread was interrupted) before an answer below 500 came. */
    private Optional<Response> send(Supplier<HttpRequest> request, BooleanSupplier stop) {
        long backoff = FIRST_BACKOFF_MS;
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                // Built for each attempt: a retry after a long outage carries a fresh token.
                HttpResponse<String> response = client.send(request.get(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return Optional.of(new Response(response.statusCode(), response.body()));
                }
            } catch (IOException retry) {
                // refused, reset, timed out: the service is down or restarting
            } catch (IllegalStateException | IllegalArgumentException noToken) {
                // no token now (Keycloak unreachable, or the identity briefly locked out): retried like a refusal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            retries.incrementAndGet();
            if (!pause(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1))) {
                return Optional.empty();
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        return Optional.empty();
    }

    private String bearer(String identity) {
        return "Bearer " + tokens.apply(identity);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** A response body (or any text) as a JSON tree; a body that is not JSON is an IllegalStateException saying so. */
    public static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + abbreviate(text), e);
        }
    }

    /** Text on one line, at most 200 characters: for a finding or a progress line. */
    public static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 197) + "..." : oneLine;
    }

    public static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // back-off before a retry, or the pace of a polling client: nothing to await on
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
