package org.imrflow.local;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortTest {

    /** Ports are picked for all the services before any binds: none may be handed out twice. */
    @Test
    void aPortIsNeverHandedOutTwice() {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            int port = FreePort.orPick(0);
            assertTrue(picked.add(port), "port " + port + " handed out twice, after " + i + " picks");
        }
    }

    @Test
    void aRequestedPortIsKept() {
        assertEquals(8084, FreePort.orPick(8084));
    }
}
