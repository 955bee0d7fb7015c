package org.imrflow.notification.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Signs the webhooks an organization receives, as Standard Webhooks (https://www.standardwebhooks.com/) does, so that
 * the receiver can check with any of its libraries that a delivery came from us, unaltered and recently. The
 * signature is {@code base64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))}, sent as
 * {@code webhook-signature: v1,<signature>} beside the {@code webhook-id} and {@code webhook-timestamp} (Unix seconds)
 * headers. A secret reads {@code whsec_} and the key in base64, 24 to 64 bytes.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    /** The size of a new key: 256 bits, as many as the HMAC-SHA256 output. */
    static final int NEW_KEY_BYTES = 32;
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    private static final String VERSION = "v1,";

    private WebhookSignature() {
    }

    /** A new secret for an organization's webhook. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[NEW_KEY_BYTES];
        random.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header of a delivery: "v1," and the signature. The body is signed as UTF-8. */
    public static String sign(String secret, String messageId, long timestamp, String body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(key(secret), messageId, timestamp, body));
    }

    /**
     * Whether a delivery is ours: its timestamp within {@code tolerance} of now, either way, and one of the
     * signatures in its header (space-separated, as while a secret is rotated) the one its secret gives. Compared in
     * constant time, so that the time taken tells nothing of the right signature. Missing headers or body are not
     * ours.
     */
    public static boolean verify(String secret, String messageId, long timestampHeader, String body,
                                 String signatureHeader, long nowEpochSeconds, Duration tolerance) {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance must not be negative");
        }
        byte[] key = key(secret);
        if (messageId == null || body == null || signatureHeader == null
                || !within(timestampHeader, nowEpochSeconds, tolerance)) {
            return false;
        }
        byte[] expected = mac(key, messageId, timestampHeader, body);
        for (String signature : signatureHeader.strip().split(" +")) {
            if (signature.startsWith(VERSION) && MessageDigest.isEqual(expected, decode(signature.substring(VERSION.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(long timestamp, long now, Duration tolerance) {
        try {
            return Math.abs(Math.subtractExact(now, timestamp)) <= tolerance.getSeconds();
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** The key of a secret; refused, without the secret in the message, when it is not one. */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is " + SECRET_PREFIX + " and base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret's key is " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, not " + key.length);
        }
        return key;
    }

    private static byte[] mac(byte[] key, String messageId, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** A signature's bytes; none for one that is not base64, which then matches nothing. */
    private static byte[] decode(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
