package org.imrflow.local;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./run-local.sh token <identity>}: prints an access token of a demo identity, from the running stack's
 * Keycloak, for curl. Run from the repository root; {@code IMRFLOW_KEYCLOAK_URL} names a Keycloak elsewhere.
 */
public final class TokenCommand {
    static final String DEFAULT_KEYCLOAK_URL = "http://127.0.0.1:8180";

    private TokenCommand() {
    }

    public static void main(String[] args) {
        Path realmFile = ImrflowRealm.file(Path.of("").toAbsolutePath());
        if (!java.nio.file.Files.isRegularFile(realmFile)) {
            fail("No realm file at " + realmFile + ": run this from the repository root, as ./run-local.sh token");
        }
        List<ImrflowRealm.DemoIdentity> identities = ImrflowRealm.demoIdentities(realmFile);
        String known = identities.stream().map(ImrflowRealm.DemoIdentity::username).collect(Collectors.joining(", "));
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("Usage: ./run-local.sh token <identity>   (one of " + known + ")");
            return;
        }
        if (args.length != 1) {
            fail("Usage: ./run-local.sh token <identity>, one of " + known);
        }
        String identity = args[0];
        if (identities.stream().noneMatch(demo -> demo.username().equals(identity))) {
            fail("Unknown identity " + identity + "; the demo identities are " + known);
        }
        String keycloak = System.getenv().getOrDefault("IMRFLOW_KEYCLOAK_URL", DEFAULT_KEYCLOAK_URL).replaceAll("/+$", "");
        try {
            System.out.println(new IdentityTokens(keycloak + "/realms/" + ImrflowRealm.NAME).accessToken(identity));
        } catch (IdentityTokens.KeycloakUnreachable e) {
            fail("No Keycloak answers at " + keycloak + ": is ./run-local.sh running? (IMRFLOW_KEYCLOAK_URL names another)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            fail(e.getMessage());
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
