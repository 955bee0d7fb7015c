package org.imrflow.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in OpenID Connect issuer for the services' {@code @QuarkusTest}s, where starting Keycloak for every test JVM
 * would cost a minute: it publishes discovery and a JWKS on loopback, and signs RS256 access tokens shaped like the
 * {@code imrflow} realm's (realm roles in {@code realm_access.roles}, the organization in {@code org_id}, audience
 * {@code imrflow-api}). The services validate them with the same configuration as Keycloak's. The system tests sign in
 * through Keycloak itself.
 */
public final class TestTokenIssuer implements AutoCloseable {
    public static final String REALM_PATH = "/realms/imrflow";
    public static final String AUDIENCE = "imrflow-api";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();

    private TestTokenIssuer(HttpServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    public static TestTokenIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestTokenIssuer issuer = new TestTokenIssuer(server, newKeys());
            server.createContext(REALM_PATH + "/.well-known/openid-configuration", issuer::discovery);
            server.createContext(REALM_PATH + "/protocol/openid-connect/certs", issuer::jwks);
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the services set as {@code quarkus.oidc.auth-server-url}, and every token's {@code iss}. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    /** A valid access token for 15 minutes, as the realm would issue it; {@code organization} may be null. */
    public String accessToken(String subject, List<String> roles, String organization) {
        return sign(claims(subject, roles, organization, issuer(), AUDIENCE, Instant.now(), Duration.ofMinutes(15)), keys);
    }

    /** Any claim set, signed with this issuer's key: for expired tokens, another issuer or another audience. */
    public String signed(Map<String, Object> claims) {
        return sign(claims, keys);
    }

    /** Claims signed with a key this issuer never published. */
    public String signedWithAnotherKey(Map<String, Object> claims) {
        return sign(claims, newKeys());
    }

    /** The claims {@link #accessToken} signs, to alter one before {@link #signed}. */
    public Map<String, Object> claims(String subject, List<String> roles, String organization, String issuer,
                                      String audience, Instant issuedAt, Duration validFor) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(validFor).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("preferred_username", subject);
        claims.put("realm_access", Map.of("roles", roles));
        if (organization != null) {
            claims.put("org_id", organization);
        }
        return claims;
    }

    private String sign(Map<String, Object> claims, KeyPair with) {
        try {
            String header = BASE64URL.encodeToString(JSON.writeValueAsBytes(
                    Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)));
            String payload = BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(with.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        answer(exchange, Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/protocol/openid-connect/certs",
                "authorization_endpoint", issuer + "/protocol/openid-connect/auth",
                "token_endpoint", issuer + "/protocol/openid-connect/token",
                // advertised as Keycloak does, so that a browser page's sign-out configures; never called in tests
                "end_session_endpoint", issuer + "/protocol/openid-connect/logout",
                "id_token_signing_alg_values_supported", List.of("RS256")));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        answer(exchange, Map.of("keys", List.of(Map.of(
                "kty", "RSA", "use", "sig", "alg", "RS256", "kid", keyId,
                "n", BASE64URL.encodeToString(unsigned(key.getModulus().toByteArray())),
                "e", BASE64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray()))))));
    }

    private static void answer(HttpExchange exchange, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (var out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    /** JWK numbers are unsigned big-endian: BigInteger adds a leading zero byte to keep the sign positive. */
    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
                : twosComplement;
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
