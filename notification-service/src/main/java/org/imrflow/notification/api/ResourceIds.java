package org.imrflow.notification.api;

import jakarta.ws.rs.NotFoundException;

import java.util.UUID;

/** A path's id: what is not even a UUID names nothing, and gets the same 404 as an id that names nothing. */
final class ResourceIds {
    private ResourceIds() {
    }

    static UUID uuid(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No " + what + " " + raw);
        }
    }
}
