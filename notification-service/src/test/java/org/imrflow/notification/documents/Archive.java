package org.imrflow.notification.documents;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The public archive as an anonymous visitor reaches it. Each call comes from a client address of its own (the test
 * settings trust X-Forwarded-For), so that the rate limit test's bucket is nobody else's.
 */
final class Archive {
    private Archive() {
    }

    static RequestSpecification visitor() {
        return visitor("198.51.100." + Math.floorMod(UUID.randomUUID().hashCode(), 250) + "-" + UUID.randomUUID());
    }

    static RequestSpecification visitor(String clientAddress) {
        return given().header("X-Forwarded-For", clientAddress);
    }

    /** {@code search("q", "neurotomy", "outcome", "OVERTURNED")} */
    static Response search(String... parameters) {
        RequestSpecification request = visitor();
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            request = request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.get("/api/archive");
    }
}
