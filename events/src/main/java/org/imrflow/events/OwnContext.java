package org.imrflow.events;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs background work (a relay pass, a sweep, a pruning) that opens Hibernate Reactive sessions. Such work has no
 * request or message context of its own, and Hibernate Reactive needs a safe, duplicated Vert.x context for each
 * session: this gives it one.
 */
public final class OwnContext {
    private OwnContext() {
    }

    public static <T> Uni<T> run(Vertx vertx, Supplier<Uni<? extends T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail)));
    }
}
