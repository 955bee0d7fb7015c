package org.imrflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

final class FreePort {
    /**
     * Every port handed out in this JVM. A picked port is free only until someone binds it, and the operating system
     * gives the same free port to the next pick: without this, two picks made before either binds (a service's port
     * picked before Keycloak starts, then Keycloak's own) can get the same one.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    static int orPick(int port) {
        if (port > 0) {
            return port;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            int picked = pick();
            if (HANDED_OUT.add(picked)) {
                return picked;
            }
        }
        throw new IllegalStateException("No free port on loopback that was not handed out already");
    }

    private static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on loopback", e);
        }
    }
}
