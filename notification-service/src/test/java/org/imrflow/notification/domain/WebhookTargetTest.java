package org.imrflow.notification.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetTest {

    private static String refusal(String url, boolean allowLocal) {
        return assertThrows(InvalidWebhookTarget.class, () -> WebhookTarget.parse(url, allowLocal), url).getMessage();
    }

    private static void refused(String url, String because) {
        String message = refusal(url, false);
        assertTrue(message.contains(because), url + ": " + message);
    }

    /** An address from its literal: parsed, never looked up. */
    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal.contains(":") ? "[" + literal + "]" : literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPublicHttpsUrlIsAccepted() {
        for (String url : List.of("https://hooks.example.com/imr", "https://hooks.example.com",
                "HTTPS://Hooks.Example.COM/imr?org=acme&v=2", "https://hooks.example.com:8443/imr/letters",
                "https://hooks.example.com./imr", "https://xn--bcher-kva.example/imr", "https://203.0.113.7/imr",
                "https://[2606:4700:4700::1111]/imr", "https://8.8.8.8", "https://a.b.c.d.example.org/x/y/z")) {
            assertEquals(URI.create(url), WebhookTarget.parse(url, false).uri(), url);
        }
        assertEquals(URI.create("https://hooks.example.com/imr"), WebhookTarget.parse("  https://hooks.example.com/imr\n",
                false).uri(), "spaces around a pasted URL are dropped");
        assertEquals(WebhookTarget.parse("https://hooks.example.com/imr", false),
                WebhookTarget.parse("https://hooks.example.com/imr", true));
        assertEquals("https://hooks.example.com/imr", WebhookTarget.parse("https://hooks.example.com/imr", false).toString());
    }

    @Test
    void onlyAnAbsoluteHttpsUrlWillDo() {
        refused(null, "Enter the webhook URL");
        refused("  ", "Enter the webhook URL");
        refused("hooks.example.com/imr", "must be absolute");
        refused("//hooks.example.com/imr", "must be absolute");
        refused("/imr", "must be absolute");
        refused("https:hooks.example.com", "must be absolute");
        refused("mailto:imr@example.com", "must be absolute");
        refused("http://hooks.example.com/imr", "must start with https://");
        refused("ftp://hooks.example.com/imr", "must start with https://");
        refused("file:///etc/passwd", "must start with https://");
        refused("javascript://hooks.example.com/%0aalert(1)", "must start with https://");
        refused("https://hooks.example.com/a b", "not a valid URL: Illegal character in path");
        refused("https://hooks.example.com/<script>", "not a valid URL");
    }

    @Test
    void noUserInfoFragmentOrMissingHost() {
        refused("https://user:secret@hooks.example.com/imr", "user name or password");
        refused("https://user@hooks.example.com/imr", "user name or password");
        refused("https://hooks.example.com/imr#letters", "fragment");
        refused("https://hooks.example.com/imr#", "fragment");
        refused("https:///imr", "has no host");
        refused("https://:443/imr", "not a valid host name");
        refused("https://bücher.example/imr", "xn-- form");
        refused("https://my_hooks.example.com/imr", "not a valid host name");
        refused("https://-hooks.example.com/imr", "not a valid host name");
        refused("https://hooks.example.com:0/imr", "port");
        refused("https://hooks.example.com:65536/imr", "port");
        refused("https://hooks.example.com:99999/imr", "port");
    }

    @Test
    void aUrlLongerThanTwoThousandCharactersIsRefused() {
        String base = "https://hooks.example.com/";
        String longest = base + "a".repeat(2000 - base.length());
        assertEquals(2000, longest.length());
        assertEquals(URI.create(longest), WebhookTarget.parse(longest, false).uri());
        assertTrue(refusal(longest + "a", false).contains("longer than 2000 characters"));
        assertTrue(refusal(longest + "a", true).contains("longer than 2000 characters"));
    }

    @Test
    void aLiteralPrivateLoopbackLinkLocalOrReservedAddressIsRefused() {
        for (String host : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.10",
                "127.0.0.1", "127.255.255.254", "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0",
                "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
                "[::1]", "[::]", "[fc00::1]", "[fd12:3456:789a::1]", "[fe80::1]", "[febf::1]", "[fec0::1]", "[ff02::1]",
                "[::ffff:127.0.0.1]", "[::ffff:10.0.0.1]", "[::ffff:169.254.169.254]", "[0:0:0:0:0:ffff:7f00:1]",
                "[::127.0.0.1]", "[64:ff9b::a9fe:a9fe]", "[2002:c0a8:0101::1]", "[2002:7f00:1::]")) {
            refused("https://" + host + "/imr", "private, local or reserved address");
            assertEquals("http://" + host + "/imr", WebhookTarget.parse("http://" + host + "/imr", true).toString(),
                    "allowed locally: " + host);
        }
        refused("https://[fe80::1%25eth0]/imr", "network interface");
    }

    @Test
    void anIpAddressInAnotherNotationIsRefusedLocalOrNot() {
        for (String host : List.of("2130706433", "0x7f000001", "127.1", "0x7f.0.0.1", "0177.0.0.1", "010.0.0.1",
                "1.2.3.256", "1.2.3.4.5", "999.1.1.1", "hooks.example.123")) {
            assertFalse(refusal("https://" + host + "/imr", false).isBlank(), host);
            assertFalse(refusal("http://" + host + "/imr", true).isBlank(), host + " locally too");
        }
        refused("https://2130706433/imr", "looks like an IP address");
        refused("https://010.0.0.1/imr", "without leading zeros");
        refused("https://0x7f000001/imr", "looks like an IP address");
    }

    @Test
    void aLocalHostNameIsRefused() {
        for (String host : List.of("localhost", "LOCALHOST", "localhost.", "api.localhost", "printer.local",
                "db.internal", "metadata.google.internal", "intranet", "notification-service")) {
            assertFalse(refusal("https://" + host + "/imr", false).isBlank(), host);
            assertEquals(URI.create("http://" + host + ":8080/imr"),
                    WebhookTarget.parse("http://" + host + ":8080/imr", true).uri(), "allowed locally: " + host);
        }
        refused("https://localhost/imr", "local name");
        refused("https://db.internal/imr", "local name");
        refused("https://intranet/imr", "full domain name");
        assertEquals(URI.create("https://localhost.example.com/imr"),
                WebhookTarget.parse("https://localhost.example.com/imr", false).uri(), "only the name's end counts");
        assertEquals(URI.create("https://internal.example.com/imr"),
                WebhookTarget.parse("https://internal.example.com/imr", false).uri());
    }

    @Test
    void locallyPlainHttpIsAllowedButNothingElseIsLifted() {
        assertEquals(URI.create("http://localhost:8089/hook"), WebhookTarget.parse("http://localhost:8089/hook", true).uri());
        assertTrue(refusal("ftp://localhost/hook", true).contains("https:// or http://"));
        assertTrue(refusal("http://user@localhost/hook", true).contains("user name or password"));
        assertTrue(refusal("http://localhost/hook#x", true).contains("fragment"));
    }

    @Test
    void theResolvedAddressIsCheckedAtDeliveryToo() {
        for (String literal : List.of("10.1.2.3", "172.20.0.5", "192.168.0.1", "127.0.0.1", "169.254.169.254",
                "100.64.1.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1", "::", "fc00::1", "fdff::1", "fe80::1",
                "ff05::2", "::ffff:192.168.0.1", "64:ff9b::10.0.0.1", "2002:0a00:0001::", "::8.8.8.8")) {
            assertTrue(WebhookTarget.isPrivate(address(literal)), literal);
        }
        for (String literal : List.of("8.8.8.8", "1.1.1.1", "203.0.113.7", "9.255.255.255", "11.0.0.0",
                "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "100.63.255.255", "100.128.0.0",
                "169.253.255.255", "169.255.0.0", "126.255.255.255", "128.0.0.0", "223.255.255.255",
                "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:0808:0808::",
                "fbff::1", "fe7f::1")) {
            assertFalse(WebhookTarget.isPrivate(address(literal)), literal);
        }
    }
}
