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

/**
 * HTTP as a patient client does it: a connection error, a timeout or a 5xx is retried with capped, jittered
 * back-off, the same request each time (so a POST keeps its {@code Idempotency-Key}), until an answer below 500 comes
 * back or the caller says stop. Everything else (2xx, 4xx) is the caller's to judge.
 */
final class RetryingHttp {
    record Response(int status, String body) {
        boolean ok() {
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

    /** Retries so far, over all requests: each one a connection error, timeout or 5xx. */
    long retries() {
        return retries.get();
    }

    Optional<Response> get(String url, BooleanSupplier stop) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json").build(), stop);
    }

    Optional<Response> postJson(String url, String json, Map<String, String> headers, BooleanSupplier stop) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build(), stop);
    }

    /** One attempt, no retry: empty on a connection error or timeout. */
    Optional<Response> once(String url) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Response(response.statusCode(), response.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Empty only when {@code stop} said so (or the thread was interrupted) before an answer below 500 came. */
    private Optional<Response> send(HttpRequest request, BooleanSupplier stop) {
        long backoff = FIRST_BACKOFF_MS;
        while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return Optional.of(new Response(response.statusCode(), response.body()));
                }
            } catch (IOException retry) {
                // refused, reset, timed out: the service is down or restarting
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

    static boolean pause(long millis) {
        try {
            Thread.sleep(millis); // back-off before a retry, or the pace of a polling client: nothing to await on
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
