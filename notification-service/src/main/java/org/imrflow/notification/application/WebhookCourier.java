package org.imrflow.notification.application;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imrflow.notification.domain.WebhookSignature;
import org.imrflow.notification.domain.WebhookTarget;
import org.imrflow.notification.store.Delivery;
import org.imrflow.notification.store.IssuedDocument;
import org.imrflow.notification.store.StoredJson;
import org.imrflow.notification.store.WebhookSubscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a document's notice to a claims administrator's webhook, signed the Standard Webhooks way: {@code webhook-id}
 * (the delivery's id, the same on every retry, so a receiver can drop a repeat), {@code webhook-timestamp} and
 * {@code webhook-signature} ({@code v1,} HMAC-SHA256 of {@code id.timestamp.body}). Any 2xx answer is delivery.
 */
@ApplicationScoped
public class WebhookCourier {
    static final String EVENT_TYPE = "document.issued";

    private final HttpClient http;
    private final StoredJson json;
    private final Clock clock;
    private final String publicUrl;
    private final Duration timeout;
    private final Vertx vertx;
    private final boolean allowLocal;

    WebhookCourier(Vertx vertx, StoredJson json, Clock clock,
                   @ConfigProperty(name = "imrflow.notification.public-url") String publicUrl,
                   @ConfigProperty(name = "imrflow.webhooks.timeout", defaultValue = "10s") Duration timeout,
                   @ConfigProperty(name = "imrflow.webhooks.allow-local") boolean allowLocal) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) timeout.toSeconds()));
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/$", "");
        this.timeout = timeout;
        this.vertx = vertx;
        this.allowLocal = allowLocal;
    }

    /** The receiver answered, but not with a 2xx. */
    public static final class ReceiverRefused extends RuntimeException {
        ReceiverRefused(int status) {
            super("the receiver answered HTTP " + status);
        }
    }

    public Uni<Void> send(Delivery delivery, WebhookSubscription subscription, IssuedDocument document) {
        if (subscription == null || !subscription.active) {
            return Uni.createFrom().failure(new DeliveryCourier.Undeliverable("the webhook was removed"));
        }
        return publicAddress(URI.create(subscription.url).getHost())
                .chain(() -> post(delivery, subscription, document))
                // what lies behind an unreachable address is not the organization's to learn
                .onFailure(failure -> !(failure instanceof ReceiverRefused || failure instanceof DeliveryCourier.Undeliverable))
                .transform(failure -> new IllegalStateException("the receiver could not be reached"));
    }

    /**
     * The URL was checked when registered, but a name may resolve to a private address (a rebinding, or a name made
     * to point inside): checked again at every attempt, unless local receivers are allowed.
     */
    private Uni<Void> publicAddress(String host) {
        if (allowLocal) {
            return Uni.createFrom().voidItem();
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (WebhookTarget.isPrivate(address)) {
                        throw new DeliveryCourier.Undeliverable("the webhook's host resolves to a private address");
                    }
                }
                return null;
            } catch (UnknownHostException e) {
                throw new IllegalStateException("the webhook's host is unknown");
            }
        })).replaceWithVoid();
    }

    private Uni<Void> post(Delivery delivery, WebhookSubscription subscription, IssuedDocument document) {
        String messageId = "msg_" + delivery.deliveryId;
        long timestamp = clock.instant().getEpochSecond();
        String body = json.write(payload(document, timestamp));
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(subscription.url)
                .setTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.sign(subscription.secret, messageId, timestamp, body));
        return http.request(request)
                .chain(sending -> sending.send(Buffer.buffer(body)))
                .chain(response -> {
                    if (response.statusCode() / 100 == 2) {
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().failure(new ReceiverRefused(response.statusCode()));
                });
    }

    /** What the receiver gets: the document's facts and where to fetch it, no clinical text. */
    private Map<String, Object> payload(IssuedDocument document, long timestamp) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("documentId", document.documentId.toString());
        data.put("caseNumber", document.caseNumber);
        data.put("kind", document.kind.name());
        data.put("title", document.kind.title());
        data.put("issuedAt", document.issuedAt.toString());
        data.put("sha256", document.sha256);
        data.put("pdf", publicUrl + "/api/documents/" + document.documentId + "/pdf");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", EVENT_TYPE);
        payload.put("timestamp", java.time.Instant.ofEpochSecond(timestamp).toString());
        payload.put("data", data);
        return payload;
    }
}
