package org.imrflow.local.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChaosOptionsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void oneInstanceOfEachServiceUnlessReplicasAreAskedFor() {
        assertEquals(1, ChaosOptions.parse(new String[] {"--cases", "10"}, ROOT).replicas());
        assertEquals(2, ChaosOptions.parse(new String[] {"--cases", "10", "--replicas", "2"}, ROOT).replicas());
    }

    @Test
    void refusesFewerThanOneReplica() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ChaosOptions.parse(new String[] {"--cases", "10", "--replicas", "0"}, ROOT));
        assertEquals("--replicas must be at least 1", refused.getMessage());
    }
}
