package org.imrflow.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;

/**
 * Problem+json for the errors answered below the REST layer, where {@link ProblemMappers} never sees them: a body
 * declared larger than {@code quarkus.http.limits.max-body-size} (413), a request target longer than
 * {@code imrflow.http.max-uri-length} (414), and whatever Vert.x Web fails by status alone, such as a request target
 * that is not a path (404).
 * <p>
 * Three kinds of answer stay bare, because they are given before any route runs and no application code can shape
 * them:
 * <ul>
 *   <li>a request target that {@link java.net.URI} rejects, such as bad percent-encoding ({@code /api/cases/%zz}):
 *       Quarkus's root handler answers 400 (the only switch, {@code -Dvertx.disableURIValidation}, turns the check
 *       off, which Quarkus advises against);</li>
 *   <li>a request line longer than {@code quarkus.http.limits.max-initial-line-length} (414) and headers larger than
 *       {@code max-header-size} (431), which the HTTP codec rejects. The line limit is therefore raised well above
 *       {@code imrflow.http.max-uri-length} (META-INF/microprofile-config.properties), so that the 414 for a long URI
 *       comes from here.</li>
 * </ul>
 */
@ApplicationScoped
public class VertxProblems {
    private static final Logger LOG = Logger.getLogger(VertxProblems.class);
    /** Before Quarkus's own body-size check (order -2) and before any filter that might do work first. */
    private static final int FIRST = Integer.MIN_VALUE + 10;

    private final ObjectMapper json;
    private final Optional<MemorySize> maxBodySize;
    private final int maxUriLength;

    VertxProblems(ObjectMapper json,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
                  @ConfigProperty(name = "imrflow.http.max-uri-length", defaultValue = "4096") int maxUriLength) {
        this.json = json;
        this.maxBodySize = maxBodySize;
        this.maxUriLength = maxUriLength;
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::checkLimits);
        router.route().order(FIRST).failureHandler(context -> {
            if (context.response().headWritten() || context.response().closed() || challenges(context.failure())) {
                context.next();
            } else {
                failure(context, context.statusCode());
            }
        });
        // What Vert.x Web fails while it matches routes skips the failure handlers and goes to the router's error
        // handler for the status.
        for (int status : new int[]{400, 404, 405, 413, 414, 415, 431, 500, 501, 503}) {
            router.errorHandler(status, context -> {
                if (!context.response().headWritten() && !context.response().closed()) {
                    failure(context, status);
                }
            });
        }
    }

    /**
     * Sign-in and its challenges are Quarkus's to answer: a browser page's redirect to the OpenID provider, a 401 with
     * its WWW-Authenticate header. A 403 is ours, as a problem.
     */
    private static boolean challenges(Throwable failure) {
        return failure instanceof io.quarkus.security.AuthenticationException
                || failure instanceof io.quarkus.security.UnauthorizedException;
    }

    private void checkLimits(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > maxUriLength) {
            answer(context, problem(414, "The request target is longer than " + maxUriLength + " characters", null));
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && maxBodySize.isPresent()) {
            long limit = maxBodySize.get().asLongValue();
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                answer(context, problem(400, "Content-Length is not a number", safePath(request)));
                return;
            }
            if (declared > limit) {
                answer(context, problem(413, "The request body is larger than " + limit + " bytes", safePath(request)));
                return;
            }
        }
        context.next();
    }

    private void failure(RoutingContext context, int statusCode) {
        int status = context.failure() instanceof io.quarkus.security.ForbiddenException ? 403
                : statusCode >= 400 ? statusCode
                : context.failure() instanceof io.vertx.ext.web.handler.HttpException http ? http.getStatusCode() : 500;
        Problem problem;
        if (status >= 500) {
            LOG.errorf(context.failure(), "Unexpected failure below the REST layer on %s", safePath(context.request()));
            problem = Problem.internalError(safePath(context.request()));
        } else {
            problem = problem(status, status == 400 ? "The request could not be read"
                    : HttpResponseStatus.valueOf(status).reasonPhrase(), safePath(context.request()));
        }
        answer(context, problem);
    }

    /** Slug and title from the status, as {@link ProblemMappers} does for a WebApplicationException. */
    private static Problem problem(int status, String detail, String instance) {
        String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
        return Problem.of(status, reason.toLowerCase(Locale.ROOT).replace(' ', '-'), reason, detail, instance);
    }

    private void answer(RoutingContext context, Problem problem) {
        HttpServerResponse response = context.response();
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(problem.status());
        response.headers().set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        // The body may be unread: the connection cannot safely carry another request.
        response.headers().set(HttpHeaders.CONNECTION, "close");
        response.endHandler(ignored -> context.request().connection().close());
        response.end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /** The path as sent, if it is short and printable; never a reflection of whatever garbage came in. */
    private static String safePath(HttpServerRequest request) {
        String path = request.path();
        if (path == null || path.length() > 200 || !path.startsWith("/") || !path.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return null;
        }
        return path;
    }
}
