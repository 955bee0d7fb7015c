package org.imrflow.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tokens by password grant from a stand-in token endpoint: kept while valid, fetched again in their last minute. */
class IdentityTokensTest {
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private volatile int expiresIn = 900;
    private HttpServer keycloak;
    private String issuer;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/realms/imrflow/protocol/openid-connect/token", exchange -> {
            Map<String, String> form = Arrays.stream(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&"))
                    .map(field -> field.split("=", 2))
                    .collect(Collectors.toMap(field -> field[0], field -> URLDecoder.decode(field[1], StandardCharsets.UTF_8)));
            requests.add(form);
            boolean demo = form.get("username").equals("ops") && form.get("password").equals("ops");
            String body = demo
                    ? "{\"access_token\":\"token-" + requests.size() + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(demo ? 200 : 401, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        keycloak.start();
        issuer = "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/imrflow";
    }

    @AfterEach
    void stopTokenEndpoint() {
        keycloak.stop(0);
    }

    @Test
    void aPasswordGrantOnTheCliClientWithTheDemoPassword() {
        assertEquals("token-1", new IdentityTokens(issuer).accessToken("ops"));
        assertEquals(Map.of("grant_type", "password", "client_id", "imrflow-cli", "username", "ops", "password", "ops"),
                requests.get(0));
    }

    @Test
    void aTokenIsUsedAgainWhileMoreThanAMinuteOfItIsLeft() {
        IdentityTokens tokens = new IdentityTokens(issuer);
        assertEquals(tokens.accessToken("ops"), tokens.accessToken("ops"));
        assertEquals(1, requests.size());
    }

    @Test
    void aTokenWithLessThanAMinuteLeftIsFetchedAgain() {
        expiresIn = 59;
        IdentityTokens tokens = new IdentityTokens(issuer);
        assertNotEquals(tokens.accessToken("ops"), tokens.accessToken("ops"));
        assertEquals(2, requests.size());
    }

    @Test
    void anIdentityKeycloakRefusesIsAnIllegalArgumentWithKeycloaksReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new IdentityTokens(issuer).accessToken("nobody"));
        assertTrue(refused.getMessage().contains("nobody") && refused.getMessage().contains("Invalid user credentials"),
                refused.getMessage());
    }

    @Test
    void noKeycloakAtTheAddressIsUnreachable() {
        keycloak.stop(0);
        assertThrows(IdentityTokens.KeycloakUnreachable.class, () -> new IdentityTokens(issuer).accessToken("ops"));
    }
}
