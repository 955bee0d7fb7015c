package org.imrflow.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What Kubernetes' liveness probe does, for the local stack: a service whose {@code /q/health/live} answers DOWN
 * (503) several checks in a row, for example because a Kafka channel failed for good, is killed and started again.
 * A check that cannot connect counts as nothing: the process may be starting, or already being restarted.
 */
final class LivenessWatch implements AutoCloseable {
    /** A service to watch: its name and its liveness URL. */
    record Watched(String name, URI liveness) {
    }

    private final List<Watched> services;
    private final int strikes;
    private final Consumer<String> restart;
    private final Consumer<String> say;
    private final Map<String, Integer> downInARow = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private ScheduledExecutorService timer;

    /**
     * @param strikes how many DOWN answers in a row make a restart
     * @param restart kills and restarts the named service, returning once it is ready
     */
    LivenessWatch(List<Watched> services, int strikes, Consumer<String> restart, Consumer<String> say) {
        this.services = List.copyOf(services);
        this.strikes = strikes;
        this.restart = restart;
        this.say = say;
    }

    void start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "imr-flow-liveness");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::checkOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round of checks; a service DOWN {@code strikes} times in a row is restarted before it returns. */
    void checkOnce() {
        for (Watched service : services) {
            if (!down(service.liveness())) {
                downInARow.remove(service.name());
                continue;
            }
            int times = downInARow.merge(service.name(), 1, Integer::sum);
            if (times >= strikes) {
                say.accept(service.name() + " has reported liveness DOWN " + times + " times in a row: restarting it");
                downInARow.remove(service.name());
                try {
                    restart.accept(service.name());
                    say.accept(service.name() + " is back");
                } catch (RuntimeException e) {
                    say.accept(service.name() + " could not be restarted: " + e.getMessage());
                }
            }
        }
    }

    private boolean down(URI liveness) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(liveness).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 503;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
