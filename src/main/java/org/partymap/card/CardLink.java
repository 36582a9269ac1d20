package org.partymap.card;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The address a card's QR code opens: {@code PARTYMAP_PUBLIC_URL} + {@code /?grid=ID}. A card is
 * printed once and read by phones for years, so an address no phone reaches (unset, or a loopback
 * or unspecified host such as 127.0.0.1, localhost, ::1, 0.0.0.0) is refused with what to set,
 * rather than printed. The host is judged as written: a name is not looked up.
 */
public final class CardLink {

    public static final String EXAMPLE = "https://map.example.cn";

    private final String base;
    private final String refusal;

    private CardLink(String base, String refusal) {
        this.base = base;
        this.refusal = refusal;
    }

    public static CardLink of(Optional<URI> publicUrl) {
        if (publicUrl.isEmpty()) {
            return new CardLink(null, "PARTYMAP_PUBLIC_URL is not set, so the QR code would not know the address residents"
                    + " reach partymap at: set PARTYMAP_PUBLIC_URL to it (e.g. " + EXAMPLE + ") and restart");
        }
        URI uri = publicUrl.get();
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (unreachable(host)) {
            return new CardLink(null, "PARTYMAP_PUBLIC_URL is " + uri + ", a loopback address that no resident's phone"
                    + " reaches: set it to the address residents reach partymap at (e.g. " + EXAMPLE + ") and restart");
        }
        String text = uri.toASCIIString();
        return new CardLink(text.endsWith("/") ? text.substring(0, text.length() - 1) : text, null);
    }

    private static boolean unreachable(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty() || h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return false; // a name: not looked up
        }
        try {
            InetAddress a = InetAddress.getByName(h); // an address literal: parsed, never resolved
            return a.isLoopbackAddress() || a.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Whether cards may be printed: a usable public address is set. */
    public boolean usable() {
        return refusal == null;
    }

    /** Why cards may not be printed (what to set), or empty. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** The grid's page on the map; only when {@link #usable()}. */
    public String of(int gridId) {
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        return base + "/?grid=" + gridId;
    }
}
