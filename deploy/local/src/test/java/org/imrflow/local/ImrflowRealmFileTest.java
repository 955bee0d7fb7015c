package org.imrflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/keycloak/imrflow-realm.json} keeps its contract with the services: the roles, the clients, the claims
 * their tokens carry, and a user for every reviewer of the demo roster, whose {@code sub} is the roster id.
 */
class ImrflowRealmFileTest {
    /** Surefire runs in the module's folder, deploy/local. */
    private static final Path REPOSITORY = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CLIENTS = List.of("imrflow-api", "imrflow-web", "imrflow-cli");

    private final JsonNode realm = read(ImrflowRealm.file(REPOSITORY));

    @Test
    void theRealmIsImrflowWithFifteenMinuteAccessTokens() {
        assertEquals("imrflow", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean());
        assertEquals(900, realm.path("accessTokenLifespan").asInt());
    }

    @Test
    void theRealmRolesAreTheThreeOfTheDesign() {
        assertEquals(List.of("claims-admin", "reviewer", "operations"), names(realm.path("roles").path("realm"), "name"));
    }

    /** No client scopes of its own: Keycloak then adds its defaults, which give sub, realm_access.roles and preferred_username. */
    @Test
    void keycloaksDefaultClientScopesStay() {
        assertTrue(realm.path("clientScopes").isMissingNode(), "a realm file with clientScopes replaces Keycloak's defaults");
        for (String clientId : CLIENTS) {
            assertTrue(client(clientId).path("defaultClientScopes").isMissingNode(), clientId + " must keep the default scopes");
        }
    }

    @Test
    void theApiIsAConfidentialAudienceNobodyLogsInTo() {
        JsonNode api = client("imrflow-api");
        assertFalse(api.path("publicClient").asBoolean(true));
        for (String flow : List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled", "serviceAccountsEnabled")) {
            assertFalse(api.path(flow).asBoolean(true), "imrflow-api " + flow);
        }
    }

    @Test
    void theWebPagesUseTheCodeFlowWithASecretFromTheEnvironment() {
        JsonNode web = client("imrflow-web");
        assertFalse(web.path("publicClient").asBoolean(true));
        assertTrue(web.path("standardFlowEnabled").asBoolean());
        assertFalse(web.path("directAccessGrantsEnabled").asBoolean(true));
        assertFalse(web.path("implicitFlowEnabled").asBoolean(true));
        assertEquals("${IMRFLOW_WEB_CLIENT_SECRET}", web.path("secret").asText(), "never a literal secret in the file");
        List<String> expected = Stream.of("127.0.0.1", "localhost")
                .flatMap(host -> IntStream.rangeClosed(8081, 8084).mapToObj(port -> "http://" + host + ":" + port + "/*"))
                .toList();
        assertEquals(expected, texts(web.path("redirectUris")));
    }

    @Test
    void theCommandLineGetsTokensByPasswordOnly() {
        JsonNode cli = client("imrflow-cli");
        assertTrue(cli.path("publicClient").asBoolean());
        assertTrue(cli.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(cli.path("standardFlowEnabled").asBoolean(true));
        assertFalse(cli.path("implicitFlowEnabled").asBoolean(true));
    }

    @Test
    void everyClientsAccessTokenCarriesTheOrganizationAndTheApiAudience() {
        for (String clientId : CLIENTS) {
            List<JsonNode> mappers = list(client(clientId).path("protocolMappers"));
            JsonNode org = only(mappers, "oidc-usermodel-attribute-mapper", clientId).path("config");
            assertEquals("org_id", org.path("user.attribute").asText(), clientId);
            assertEquals("org_id", org.path("claim.name").asText(), clientId);
            assertEquals("String", org.path("jsonType.label").asText(), clientId);
            assertEquals("true", org.path("access.token.claim").asText(), clientId);
            JsonNode audience = only(mappers, "oidc-audience-mapper", clientId).path("config");
            assertEquals("imrflow-api", audience.path("included.client.audience").asText(), clientId);
            assertEquals("true", audience.path("access.token.claim").asText(), clientId);
        }
    }

    /** A user may see their organization, never change it: it decides which cases they see. */
    @Test
    void onlyAnAdministratorEditsAUsersOrganization() throws IOException {
        JsonNode profile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .path(0).path("config").path("kc.user.profile.config").path(0).asText());
        JsonNode orgId = list(profile.path("attributes")).stream()
                .filter(attribute -> attribute.path("name").asText().equals("org_id")).findFirst()
                .orElseThrow(() -> new AssertionError("the user profile does not declare org_id"));
        assertEquals(List.of("admin"), texts(orgId.path("permissions").path("edit")));
    }

    @Test
    void everyReviewerOfTheDemoRosterIsAUserWhoseIdIsTheRosterId() {
        JsonNode roster = read(REPOSITORY.resolve("assignment-service/src/main/resources/demo/reviewer-roster.json"));
        List<String> rosterIds = names(roster, "id");
        assertEquals(12, rosterIds.size());
        for (String reviewerId : rosterIds) {
            JsonNode user = user(reviewerId);
            assertEquals(reviewerId, user.path("username").asText());
            assertEquals(List.of("reviewer"), texts(user.path("realmRoles")), reviewerId);
            assertTrue(user.path("attributes").path("org_id").isMissingNode(), reviewerId + " belongs to no claims organization");
        }
        List<String> reviewers = list(realm.path("users")).stream()
                .filter(user -> texts(user.path("realmRoles")).contains("reviewer"))
                .map(user -> user.path("id").asText()).toList();
        assertEquals(rosterIds, reviewers, "the realm's reviewers are the roster's, in its order");
    }

    @Test
    void theClaimsAdministratorsAndOperationsHaveFixedIdsRolesAndOrganizations() {
        assertEquals(List.of(
                new ImrflowRealm.DemoIdentity("claims-admin-acme", List.of("claims-admin"), Optional.of("acme-claims")),
                new ImrflowRealm.DemoIdentity("claims-admin-bay", List.of("claims-admin"), Optional.of("bay-claims")),
                new ImrflowRealm.DemoIdentity("ops", List.of("operations"), Optional.empty())),
                ImrflowRealm.demoIdentities(ImrflowRealm.file(REPOSITORY)).stream()
                        .filter(identity -> !identity.roles().contains("reviewer")).toList());
        for (String id : List.of("claims-admin-acme", "claims-admin-bay", "ops")) {
            assertEquals(id, user(id).path("username").asText());
        }
    }

    /** The password grant must not stop at a required action, an unverified email or an incomplete profile. */
    @Test
    void everyDemoUserCanGetATokenByPasswordAtOnce() {
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            assertTrue(user.path("enabled").asBoolean(), username);
            assertTrue(user.path("emailVerified").asBoolean(), username);
            assertEquals(0, user.path("requiredActions").size(), username);
            for (String field : List.of("firstName", "lastName", "email")) {
                assertFalse(user.path(field).asText().isBlank(), username + " " + field);
            }
            JsonNode password = only(list(user.path("credentials")), "password", username, "type");
            assertEquals(ImrflowRealm.demoPassword(username), password.path("value").asText(), username);
            assertFalse(password.path("temporary").asBoolean(true), username);
        }
    }

    private JsonNode client(String clientId) {
        return list(realm.path("clients")).stream().filter(client -> client.path("clientId").asText().equals(clientId))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    private JsonNode user(String id) {
        return list(realm.path("users")).stream().filter(user -> user.path("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no user with id " + id));
    }

    private static JsonNode only(List<JsonNode> nodes, String value, String where) {
        return only(nodes, value, where, "protocolMapper");
    }

    private static JsonNode only(List<JsonNode> nodes, String value, String where, String field) {
        List<JsonNode> matching = nodes.stream().filter(node -> node.path(field).asText().equals(value)).toList();
        assertEquals(1, matching.size(), where + ": one " + value);
        return matching.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> texts(JsonNode array) {
        return list(array).stream().map(JsonNode::asText).toList();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path(field).asText()));
        return names;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("Could not read " + file.toAbsolutePath().normalize(), e);
        }
    }

    @Test
    void pagesOnPickedPortsAreAddedToTheBrowserClientsRedirectUrisOnce() throws Exception {
        byte[] realm = java.nio.file.Files.readAllBytes(ImrflowRealm.file(REPOSITORY));
        byte[] staged = KeycloakServer.withPageOrigins(realm, List.of("http://127.0.0.1:41234", "http://127.0.0.1:8084"));
        JsonNode web = null;
        for (JsonNode client : new com.fasterxml.jackson.databind.ObjectMapper().readTree(staged).path("clients")) {
            if (client.path("clientId").asText().equals("imrflow-web")) {
                web = client;
            }
        }
        List<String> uris = new java.util.ArrayList<>();
        web.path("redirectUris").forEach(uri -> uris.add(uri.asText()));
        assertTrue(uris.contains("http://127.0.0.1:41234/*"), uris.toString());
        assertEquals(1, uris.stream().filter("http://127.0.0.1:8084/*"::equals).count(), "a known one is not added again");
        assertEquals(realm.length, KeycloakServer.withPageOrigins(realm, List.of()).length, "none added: the file as it is");
    }
}
