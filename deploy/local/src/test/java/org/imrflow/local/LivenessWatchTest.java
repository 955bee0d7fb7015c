package org.imrflow.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The local stack restarts a service whose liveness stays DOWN, and leaves alone one that is up or unreachable. */
class LivenessWatchTest {
    private final AtomicInteger sickStatus = new AtomicInteger(503);
    private final List<String> restarted = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sick/q/health/live", exchange -> {
            exchange.sendResponseHeaders(sickStatus.get(), -1);
            exchange.close();
        });
        server.createContext("/well/q/health/live", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServiceDownThreeChecksInARowIsRestartedOnceAndTheOthersAreLeftAlone() throws IOException {
        URI base = serve();
        LivenessWatch watch = new LivenessWatch(List.of(
                new LivenessWatch.Watched("sick-service", base.resolve("/sick/q/health/live")),
                new LivenessWatch.Watched("well-service", base.resolve("/well/q/health/live")),
                new LivenessWatch.Watched("gone-service", URI.create("http://127.0.0.1:1/q/health/live"))),
                3, restarted::add, line -> { });

        watch.checkOnce();
        watch.checkOnce();
        assertEquals(List.of(), restarted, "two DOWN answers are not yet enough");
        watch.checkOnce();
        assertEquals(List.of("sick-service"), restarted);

        sickStatus.set(200); // back up after the restart
        for (int i = 0; i < 5; i++) {
            watch.checkOnce();
        }
        assertEquals(List.of("sick-service"), restarted);
    }

    @Test
    void aDownThatDoesNotLastIsForgiven() throws IOException {
        URI base = serve();
        LivenessWatch watch = new LivenessWatch(List.of(
                new LivenessWatch.Watched("sick-service", base.resolve("/sick/q/health/live"))), 3, restarted::add, line -> { });
        watch.checkOnce();
        watch.checkOnce();
        sickStatus.set(200);
        watch.checkOnce();
        sickStatus.set(503);
        watch.checkOnce();
        watch.checkOnce();
        assertEquals(List.of(), restarted, "the count starts again after an UP answer");
    }
}
