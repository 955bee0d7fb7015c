package org.imrflow.local;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServiceBalancerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private ServiceBalancer balancer;
    private final AtomicReference<List<Integer>> serving = new AtomicReference<>(List.of());
    private int one;
    private int two;

    @BeforeEach
    void twoReplicasAndABalancer() throws Exception {
        vertx = Vertx.vertx();
        one = replicaAnswering("one");
        two = replicaAnswering("two");
        serving.set(List.of(one, two));
        balancer = ServiceBalancer.start(vertx, "test-service", SystemOptions.LOOPBACK, FreePort.orPick(0), serving::get);
    }

    @AfterEach
    void stop() throws Exception {
        balancer.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void takesTurnsOverTheServingReplicas() throws Exception {
        assertEquals(List.of("one", "two", "one", "two"), answers(4));
    }

    @Test
    void sendsNothingToAReplicaThatIsNotServing() throws Exception {
        serving.set(List.of(two)); // one died, or restarts and is not ready yet
        assertEquals(List.of("two", "two", "two"), answers(3));
        serving.set(List.of(one, two)); // back
        assertEquals(2, answers(2).stream().distinct().count());
    }

    @Test
    void answers502WhenNoReplicaIsServing() throws Exception {
        serving.set(List.of());
        assertEquals(502, get().statusCode());
    }

    private List<String> answers(int requests) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = get();
            assertEquals(200, response.statusCode());
            answers.add(response.body());
        }
        return answers;
    }

    private HttpResponse<String> get() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + balancer.port() + "/api/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int replicaAnswering(String name) throws Exception {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().end(name))
                .listen(0, SystemOptions.LOOPBACK).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return server.actualPort();
    }
}
