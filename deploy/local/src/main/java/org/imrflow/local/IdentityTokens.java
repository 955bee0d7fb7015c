package org.imrflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens of the demo identities, from the local stack's Keycloak: a password grant on the public client
 * {@code imrflow-cli}, with the demo password rule. Each identity's token is used again until less than a minute of
 * it is left. Safe to share between threads; two threads may both fetch a token at once, and either token is valid.
 */
public final class IdentityTokens {
    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keycloak did not answer at all (not running, wrong address). */
    public static final class KeycloakUnreachable extends IllegalStateException {
        KeycloakUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Token(String value, Instant expiresAt) {
    }

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> signIns = new ConcurrentHashMap<>();

    /** Tokens from the realm whose issuer is {@code issuer}, e.g. {@code http://127.0.0.1:8180/realms/imrflow}. */
    public IdentityTokens(String issuer) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
    }

    /**
     * A bearer access token for a demo identity, e.g. {@code claims-admin-acme}.
     *
     * @throws IllegalArgumentException Keycloak refused the identity (unknown, disabled, not a demo password)
     * @throws KeycloakUnreachable      no Keycloak answers at the issuer's address
     */
    public String accessToken(String username) {
        Token kept = tokens.get(username);
        if (stillGood(kept)) {
            return kept.value();
        }
        // One sign-in per identity at a time: the realm's brute-force detection locks a user out for a minute when
        // logins for it come quicker than a second apart, as they would from many threads finding no token at once.
        synchronized (signIns.computeIfAbsent(username, name -> new Object())) {
            kept = tokens.get(username);
            if (stillGood(kept)) {
                return kept.value();
            }
            Token fresh = request(username);
            tokens.put(username, fresh);
            return fresh.value();
        }
    }

    private static boolean stillGood(Token token) {
        return token != null && Instant.now().plus(REFRESH_BEFORE).isBefore(token.expiresAt());
    }

    private Token request(String username) {
        String form = Map.of("grant_type", "password", "client_id", ImrflowRealm.CLI_CLIENT,
                        "username", username, "password", ImrflowRealm.demoPassword(username))
                .entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Instant asked = Instant.now(); // the token's lifetime counts from before it was issued, to be safe
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new KeycloakUnreachable("No Keycloak answers at " + tokenEndpoint + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking Keycloak for a token", e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() == 200 && body.path("access_token").isTextual()) {
            return new Token(body.get("access_token").asText(), asked.plusSeconds(body.path("expires_in").asLong()));
        }
        String reason = body.path("error_description").asText(body.path("error").asText(response.body()));
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new IllegalArgumentException("Keycloak refused a token for " + username + ": " + reason);
        }
        throw new IllegalStateException("Keycloak answered " + response.statusCode() + " at " + tokenEndpoint + ": " + reason);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }
}
