package org.imrflow.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PortCheckTest {

    @Test
    void aTakenPortIsReportedWithWhatHoldsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertFalse(PortCheck.isFree("127.0.0.1", port));

            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> PortCheck.requireFree(
                    List.of(new PortCheck.Wanted("127.0.0.1", port, "intake-service"))));

            assertTrue(failure.getMessage().contains("127.0.0.1:" + port + ", which intake-service needs"), failure.getMessage());
            assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/net/tcp")), "the holder is found through /proc");
            assertTrue(failure.getMessage().contains("pid " + ProcessHandle.current().pid()), failure.getMessage());
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PortCheck.requireFree(List.of(new PortCheck.Wanted("127.0.0.1", port, "Kafka")));
    }
}
