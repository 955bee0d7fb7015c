package org.imrflow.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it listens on.
 *
 * @param dataDir      PostgreSQL data, Kafka logs, Keycloak's database, process logs
 * @param fresh        wipe the data folder before starting
 * @param kafkaPort    0 picks a free port
 * @param postgresPort 0 picks a free port
 * @param keycloakPort 0 picks a free port; its management port is the next one up (or another free one)
 * @param mailPort     GreenMail's SMTP port, 0 picks a free one; IMAP and its REST API are the next two up (or other
 *                     free ones)
 */
public record StackOptions(Path dataDir, boolean fresh, int kafkaPort, int postgresPort, int keycloakPort, int mailPort) {
    /** The data folder's folder for what a person reads later (load-run reports): a fresh start leaves it. */
    public static final String REPORTS = "reports";

    /** Throw-away stack on free ports, for tests. */
    public static StackOptions ephemeral(Path dataDir) {
        return new StackOptions(dataDir, true, 0, 0, 0, 0);
    }
}
