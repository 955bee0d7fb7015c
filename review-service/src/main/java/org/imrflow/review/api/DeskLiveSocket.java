package org.imrflow.review.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.imrflow.http.identity.Roles;
import org.imrflow.review.application.DeskLive;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reviewer's live desk: {@code /api/desk/live?after=<the last seq seen>}. The page only listens: it gets every
 * notice of its own reviewer's desk after {@code after} at once (all of them with 0 or none), then each new one, as
 * {@code {"seq":…,"kind":…,"caseNumber":…,"at":…}}, and reads the case again over REST. The upgrade needs the
 * reviewer role; a reviewer only ever gets their own desk's notices.
 */
@WebSocket(path = DeskLive.PATH)
@RolesAllowed(Roles.REVIEWER)
public class DeskLiveSocket {
    /** The close code for a connection the server refuses to serve as asked (RFC 6455 7.4.1). */
    private static final int POLICY_VIOLATION = 1008;

    private final DeskLive live;
    private final SecurityIdentity identity;
    private final String reviewerIdClaim;

    DeskLiveSocket(DeskLive live, SecurityIdentity identity,
                   @ConfigProperty(name = "imrflow.identity.reviewer-id-claim", defaultValue = "sub") String reviewerIdClaim) {
        this.live = live;
        this.identity = identity;
        this.reviewerIdClaim = reviewerIdClaim;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        String after = queryParam(connection.handshakeRequest().query(), "after");
        long seen;
        try {
            seen = after == null || after.isEmpty() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            seen = -1;
        }
        if (seen < 0) {
            return connection.close(new CloseReason(POLICY_VIOLATION, "after must be the last seq seen: a whole number, 0 or more"));
        }
        live.open(connection, reviewerId(), seen);
        return Uni.createFrom().voidItem();
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        live.close(connection);
    }

    /** The reviewer id, from the same claim {@code Callers} reads for REST calls. */
    private String reviewerId() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(reviewerIdClaim) != null) {
            Object claim = token.getClaim(reviewerIdClaim);
            return claim instanceof jakarta.json.JsonString text ? text.getString() : claim.toString();
        }
        return identity.getPrincipal().getName();
    }

    static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        return Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElse(null);
    }
}
