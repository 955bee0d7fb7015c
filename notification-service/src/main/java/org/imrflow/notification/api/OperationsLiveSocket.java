package org.imrflow.notification.api;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.imrflow.http.identity.Roles;
import org.imrflow.notification.application.OperationsLive;

/**
 * The live operations page's socket: the current state as soon as it opens, then coalesced updates
 * ({@link OperationsLive}). The page only listens; the upgrade needs the operations role.
 */
@WebSocket(path = OperationsLive.PATH)
@RolesAllowed(Roles.OPERATIONS)
public class OperationsLiveSocket {
    private final OperationsLive live;

    OperationsLiveSocket(OperationsLive live) {
        this.live = live;
    }

    @OnOpen
    public Uni<String> open() {
        return live.current();
    }
}
