package org.imrflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code imrflow} realm as the repository defines it, in {@code deploy/keycloak/imrflow-realm.json}: the file the
 * local stack's Keycloak imports, and production imports too. Here for its demo identities.
 */
public final class ImrflowRealm {
    public static final String NAME = "imrflow";
    /** The public client that gives tokens for a username and password (password grant). */
    public static final String CLI_CLIENT = "imrflow-cli";

    /** A user of the realm file, with its realm roles and its organization, if it has one. */
    public record DemoIdentity(String username, List<String> roles, Optional<String> orgId) {
        /** "claims-admin, org acme-claims" */
        public String describe() {
            return String.join(", ", roles) + orgId.map(org -> ", org " + org).orElse("");
        }
    }

    private ImrflowRealm() {
    }

    /** The realm file of the repository at {@code repositoryRoot}. */
    public static Path file(Path repositoryRoot) {
        return repositoryRoot.resolve("deploy").resolve("keycloak").resolve(NAME + "-realm.json");
    }

    /**
     * The local stack's demo password rule: a demo identity's password is its username. Demo only: production
     * removes these users (deploy/keycloak/README.md).
     */
    public static String demoPassword(String username) {
        return username;
    }

    /** Every user of the realm file, in its order. */
    public static List<DemoIdentity> demoIdentities(Path realmFile) {
        JsonNode realm;
        try {
            realm = new ObjectMapper().readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the realm file " + realmFile, e);
        }
        List<DemoIdentity> identities = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            List<String> roles = new ArrayList<>();
            user.path("realmRoles").forEach(role -> roles.add(role.asText()));
            JsonNode org = user.path("attributes").path("org_id").path(0);
            identities.add(new DemoIdentity(user.path("username").asText(), List.copyOf(roles),
                    org.isTextual() ? Optional.of(org.asText()) : Optional.empty()));
        }
        return identities;
    }
}
