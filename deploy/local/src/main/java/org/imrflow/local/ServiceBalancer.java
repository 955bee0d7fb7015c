package org.imrflow.local;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The load balancer in front of a service's replicas, on the port the README gives (8081 for intake): Vert.x's HTTP
 * proxy, round robin over the replicas that are serving (running, and ready once since they started: a restarted
 * replica gets nothing until it is ready), WebSockets included (the operations page's live feed).
 * A request that reaches a replica as it dies fails with 502, as it would behind any balancer; clients retry.
 */
final class ServiceBalancer implements AutoCloseable {
    private final String name;
    private final HttpServer server;

    private ServiceBalancer(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    /**
     * Listens on {@code host:port} and sends each request to the next of the loopback ports {@code servingPorts}
     * names at that moment (the replicas that are serving: {@link ServiceProcess#isServing()}).
     */
    static ServiceBalancer start(Vertx vertx, String name, String host, int port, Supplier<List<Integer>> servingPorts) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000).setMaxPoolSize(64));
        AtomicLong next = new AtomicLong();
        HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                .originSelector(request -> {
                    List<Integer> serving = servingPorts.get();
                    if (serving.isEmpty()) {
                        return Future.failedFuture("no replica of " + name + " is serving");
                    }
                    int chosen = serving.get((int) (next.getAndIncrement() % serving.size()));
                    return Future.succeededFuture(SocketAddress.inetSocketAddress(chosen, SystemOptions.LOOPBACK));
                });
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(proxy)
                    .listen()
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ServiceBalancer(name, server);
        } catch (Exception e) {
            throw new IllegalStateException("The load balancer of " + name + " could not listen on " + host + ":" + port, e);
        }
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("The load balancer of " + name + " did not close cleanly: " + e);
        }
    }
}
