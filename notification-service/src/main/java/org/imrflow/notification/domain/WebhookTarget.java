package org.imrflow.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A webhook URL an organization registers for its deliveries. Deliveries carry PHI and are sent from inside our
 * network, so the URL must name a public HTTPS endpoint: a URL naming a private, loopback or link-local address, or a
 * local host name, would let an organization make us post to our own services (server-side request forgery). Only
 * the URL's text is checked here, without a DNS lookup; a name may still resolve to a private address, so the
 * delivery checks the resolved address with {@link #isPrivate} before it connects. {@code allowLocal} lifts the
 * address checks and allows plain HTTP, for the local stack and tests.
 */
public final class WebhookTarget {
    public static final int MAX_LENGTH = 2000;

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** A last label all digits, or hexadecimal: an IP address in another notation, as "2130706433" is 127.0.0.1. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)\\d+|0x[0-9a-f]*");

    private final URI uri;

    private WebhookTarget(URI uri) {
        this.uri = uri;
    }

    /** The URL, checked; {@link InvalidWebhookTarget} says what is wrong with one that is refused. */
    public static WebhookTarget parse(String url, boolean allowLocal) {
        if (url == null || url.isBlank()) {
            throw new InvalidWebhookTarget("Enter the webhook URL.");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidWebhookTarget("The webhook URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidWebhookTarget("The webhook URL is not a valid URL: " + e.getReason() + ".");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new InvalidWebhookTarget("The webhook URL must be absolute, starting with https://.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
            throw new InvalidWebhookTarget(allowLocal ? "The webhook URL must start with https:// or http://."
                    : "The webhook URL must start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidWebhookTarget(
                    "The webhook URL must not contain a user name or password: each delivery is signed instead.");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidWebhookTarget("The webhook URL must not contain a fragment (#...).");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            throw new InvalidWebhookTarget("The webhook URL has no host.");
        }
        if (uri.getHost() == null) {
            throw new InvalidWebhookTarget("The webhook URL's host is not a valid host name: use letters, digits, "
                    + "hyphens and dots, and an international name in its xn-- form.");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidWebhookTarget("The webhook URL's port must be from 1 to 65535.");
        }
        checkHost(uri.getHost(), allowLocal);
        return new WebhookTarget(uri);
    }

    private static void checkHost(String host, boolean allowLocal) {
        InetAddress literal = literalAddress(host);
        if (literal != null) {
            if (!allowLocal && isPrivate(literal)) {
                throw new InvalidWebhookTarget("The webhook URL points to a private, local or reserved address: it "
                        + "must be reachable on the public internet.");
            }
            return;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (NUMERIC_LABEL.matcher(name.substring(name.lastIndexOf('.') + 1)).matches()) {
            throw new InvalidWebhookTarget("The webhook URL's host looks like an IP address but is not written as "
                    + "one: use four numbers from 0 to 255, as 203.0.113.7, or a host name.");
        }
        if (allowLocal) {
            return;
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local")
                || name.endsWith(".internal")) {
            throw new InvalidWebhookTarget("The webhook URL's host is a local name: it must be reachable on the public "
                    + "internet.");
        }
        if (name.indexOf('.') < 0) {
            // a single label is completed by the resolver's search domains: one of ours
            throw new InvalidWebhookTarget("The webhook URL's host must be a full domain name, as hooks.example.com.");
        }
    }

    /** The address a host written as an IP literal names, without a DNS lookup; null for a host name. */
    private static InetAddress literalAddress(String host) {
        try {
            if (host.startsWith("[")) {
                if (host.indexOf('%') >= 0) {
                    throw new InvalidWebhookTarget("The webhook URL's IPv6 address must not name a network interface.");
                }
                // a bracketed literal is parsed, never looked up
                return InetAddress.getByName(host);
            }
            var quad = DOTTED_QUAD.matcher(host);
            if (!quad.matches()) {
                return null;
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                String part = quad.group(i + 1);
                int value = Integer.parseInt(part);
                if (value > 255 || part.length() > 1 && part.startsWith("0")) {
                    // "010" is 8 to some parsers and 10 to others
                    throw new InvalidWebhookTarget("The webhook URL's IP address is not valid: use four numbers from "
                            + "0 to 255, without leading zeros.");
                }
                bytes[i] = (byte) value;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new InvalidWebhookTarget("The webhook URL's IP address is not valid.");
        }
    }

    /**
     * Whether an address is none of the public internet's: private, loopback, link-local, unique-local, multicast,
     * unspecified, shared (carrier-grade NAT) or reserved; the deprecated IPv4-compatible IPv6 addresses; and the IPv6
     * forms that carry a private IPv4 address (IPv4-mapped, NAT64, 6to4).
     */
    public static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPrivateIpv4(bytes);
        }
        if (address instanceof Inet6Address) {
            return isPrivateIpv6(bytes);
        }
        return true;
    }

    private static boolean isPrivateIpv4(byte[] address) {
        int a = address[0] & 0xff;
        int b = address[1] & 0xff;
        return a == 0 // "this network"
                || a == 10
                || a == 100 && b >= 64 && b <= 127 // shared address space, carrier-grade NAT
                || a == 127
                || a == 169 && b == 254
                || a == 172 && b >= 16 && b <= 31
                || a == 192 && b == 168
                || a >= 224; // multicast, reserved and broadcast
    }

    private static boolean isPrivateIpv6(byte[] address) {
        int first = address[0] & 0xff;
        int second = address[1] & 0xff;
        if (first == 0xfc || first == 0xfd // unique local, fc00::/7
                || first == 0xfe && (second & 0xc0) >= 0x80 // link-local fe80::/10 and site-local fec0::/10
                || first == 0xff) { // multicast
            return true;
        }
        if (allZero(address, 0, 12)) {
            return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d, routed nowhere
        }
        if (allZero(address, 0, 10) && (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff) {
            return isPrivateIpv4(Arrays.copyOfRange(address, 12, 16)); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (first == 0x00 && second == 0x64 && (address[2] & 0xff) == 0xff && (address[3] & 0xff) == 0x9b
                && allZero(address, 4, 12)) {
            return isPrivateIpv4(Arrays.copyOfRange(address, 12, 16)); // NAT64, 64:ff9b::/96
        }
        if (first == 0x20 && second == 0x02) {
            return isPrivateIpv4(Arrays.copyOfRange(address, 2, 6)); // 6to4, 2002::/16
        }
        return false;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    public URI uri() {
        return uri;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookTarget target && target.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
