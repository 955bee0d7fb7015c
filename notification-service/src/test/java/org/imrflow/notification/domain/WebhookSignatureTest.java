package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /**
     * The test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks,
     * libraries/java WebhookTest.verifyWebhookSignWorks; the other languages' tests use the same).
     */
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final long NOW = 1_772_000_000L;

    private final String secret = WebhookSignature.newSecret(new SecureRandom());
    private final String body = "{\"type\":\"letter-issued\",\"caseNumber\":\"CM26-0000417\"}";
    private final String signature = WebhookSignature.sign(secret, "msg_1", NOW, body);

    private boolean verify(String secret, String id, long timestamp, String body, String header, long now) {
        return WebhookSignature.verify(secret, id, timestamp, body, header, now, FIVE_MINUTES);
    }

    @Test
    void theReferenceTestVectorSignsAndVerifies() {
        assertEquals(VECTOR_SIGNATURE, WebhookSignature.sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY));
        assertTrue(verify(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY, VECTOR_SIGNATURE, VECTOR_TIMESTAMP));
    }

    @Test
    void aNewSecretIsThePrefixAndThirtyTwoRandomBytesInBase64() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String fresh = WebhookSignature.newSecret(new SecureRandom());
            assertTrue(fresh.startsWith("whsec_"), fresh);
            assertEquals(32, Base64.getDecoder().decode(fresh.substring(6)).length);
            assertEquals(32, WebhookSignature.key(fresh).length);
            secrets.add(fresh);
        }
        assertEquals(50, secrets.size(), "no two alike");
    }

    @Test
    void aSignedDeliveryVerifies() {
        assertTrue(signature.startsWith("v1,"));
        assertEquals(32, Base64.getDecoder().decode(signature.substring(3)).length, "an HMAC-SHA256");
        assertTrue(verify(secret, "msg_1", NOW, body, signature, NOW));
        String unicode = "{\"note\":\"Zoë — 5/10 pain\"}";
        assertTrue(verify(secret, "msg_2", NOW, unicode, WebhookSignature.sign(secret, "msg_2", NOW, unicode), NOW),
                "a body beyond ASCII, signed as UTF-8");
        assertTrue(verify(secret, "msg_3", NOW, "", WebhookSignature.sign(secret, "msg_3", NOW, ""), NOW), "an empty body");
    }

    @Test
    void anyChangeToTheBodyIdOrTimestampBreaksTheSignature() {
        assertFalse(verify(secret, "msg_1", NOW, body.replace("0417", "0418"), signature, NOW), "body");
        assertFalse(verify(secret, "msg_1", NOW, body + " ", signature, NOW), "a space added");
        assertFalse(verify(secret, "msg_2", NOW, body, signature, NOW), "id");
        assertFalse(verify(secret, "msg_1", NOW + 1, body, signature, NOW), "timestamp");
        assertFalse(verify(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, "{\"test\": 2432232315}", VECTOR_SIGNATURE,
                VECTOR_TIMESTAMP), "the vector's body changed");
    }

    @Test
    void anotherSecretsSignatureIsNotOurs() {
        String other = WebhookSignature.newSecret(new SecureRandom());
        assertFalse(verify(other, "msg_1", NOW, body, signature, NOW));
        assertFalse(verify(secret, "msg_1", NOW, body, WebhookSignature.sign(other, "msg_1", NOW, body), NOW));
    }

    @Test
    void aTimestampMoreThanTheToleranceFromNowEitherWayIsRefused() {
        long old = NOW - 300;
        assertTrue(verify(secret, "msg_1", old, body, WebhookSignature.sign(secret, "msg_1", old, body), NOW),
                "exactly the tolerance old");
        long stale = NOW - 301;
        assertFalse(verify(secret, "msg_1", stale, body, WebhookSignature.sign(secret, "msg_1", stale, body), NOW),
                "a second older: a replay");
        long ahead = NOW + 300;
        assertTrue(verify(secret, "msg_1", ahead, body, WebhookSignature.sign(secret, "msg_1", ahead, body), NOW));
        long tooFar = NOW + 301;
        assertFalse(verify(secret, "msg_1", tooFar, body, WebhookSignature.sign(secret, "msg_1", tooFar, body), NOW),
                "from the future");
        for (long nonsense : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1}) {
            assertFalse(verify(secret, "msg_1", nonsense, body, WebhookSignature.sign(secret, "msg_1", nonsense, body),
                    NOW), "timestamp " + nonsense);
        }
        assertTrue(WebhookSignature.verify(secret, "msg_1", NOW, body, signature, NOW, Duration.ZERO), "no tolerance");
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.verify(secret, "msg_1", NOW, body, signature, NOW, Duration.ofSeconds(-1)));
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        String other = WebhookSignature.sign(WebhookSignature.newSecret(new SecureRandom()), "msg_1", NOW, body);
        String signatureOnly = signature.substring(3);
        assertTrue(verify(secret, "msg_1", NOW, body, other + " " + signature, NOW), "a rotated secret's and ours");
        assertTrue(verify(secret, "msg_1", NOW, body, signature + " " + other, NOW));
        assertTrue(verify(secret, "msg_1", NOW, body,
                "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,xyz v1,not-base64!! " + signature + " v1a,zzz", NOW),
                "other versions and broken ones are passed over");
        assertTrue(verify(secret, "msg_1", NOW, body, "  " + signature + "   " + other + " ", NOW), "extra spaces");
        assertFalse(verify(secret, "msg_1", NOW, body, other + " " + other, NOW));
        assertFalse(verify(secret, "msg_1", NOW, body, "v2," + signatureOnly, NOW), "another version");
        assertFalse(verify(secret, "msg_1", NOW, body, signatureOnly, NOW), "no version");
        assertFalse(verify(secret, "msg_1", NOW, body, "v1," + signatureOnly.substring(1), NOW), "cut short");
        assertFalse(verify(secret, "msg_1", NOW, body, "v1,", NOW));
        assertFalse(verify(secret, "msg_1", NOW, body, "", NOW));
        assertFalse(verify(secret, "msg_1", NOW, body, "V1," + signatureOnly, NOW), "the version is lower case");
    }

    @Test
    void missingHeadersOrBodyAreNotOurs() {
        assertFalse(verify(secret, null, NOW, body, signature, NOW));
        assertFalse(verify(secret, "msg_1", NOW, null, signature, NOW));
        assertFalse(verify(secret, "msg_1", NOW, body, null, NOW));
    }

    @Test
    void aSecretThatIsNotOneIsRefusedWithoutBeingRepeated() {
        String tooShort = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String tooLong = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);
        for (String bad : new String[] {null, "", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not base64!",
                tooShort, tooLong, "WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSignature.sign(bad, "msg_1", NOW, body), String.valueOf(bad));
            assertFalse(bad != null && !bad.isEmpty() && refused.getMessage().contains(bad), "the secret is not echoed");
            assertThrows(IllegalArgumentException.class, () -> verify(bad, "msg_1", NOW, body, signature, NOW));
        }
        assertEquals(24, WebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[24])).length);
        assertEquals(64, WebhookSignature.key("whsec_" + Base64.getEncoder().encodeToString(new byte[64])).length);
    }
}
