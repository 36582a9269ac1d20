package org.partymap.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.partymap.db.LayerVersions;

/**
 * Public answers built once per version of the layers they read and then served as copies of the
 * same bytes, with their gzip kept beside them, a strong ETag and {@code 304} on
 * {@code If-None-Match}. Before each answer the layers' counters are read as committed
 * ({@link LayerVersions#current}, one small query), so no node serves a layer older than the last
 * committed change, whichever node took it; when the database is away, the kept bytes of the last
 * version read go on being served (an answer never kept is then a 503).
 *
 * <p>An answer is keyed by its route and the parameters that shape it. At most
 * {@value #MAX_ENTRIES} answers and {@value #MAX_BYTES} bytes are kept (basemap boxes make many);
 * past either the store starts again empty.
 * Two requests for the same stale answer build it once: the second waits for the first.
 */
public final class KeptAnswers {

    static final int MAX_ENTRIES = 4096;
    static final long MAX_BYTES = 96L * 1024 * 1024;

    private final LayerVersions versions;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

    /** An answer for one version of its layers. */
    private record Entry(String version, String etag, byte[] plain, byte[] gzip) {
        long size() {
            return plain.length + gzip.length;
        }
    }

    public KeptAnswers(LayerVersions versions) {
        this.versions = versions;
    }

    /** Answers GeoJSON that {@code build} writes (as PostGIS does), kept under {@code key} while {@code layers} stay as they are. */
    public void geojson(Context ctx, String key, List<String> layers, Supplier<String> build) {
        serve(ctx, key, layers, Responses.GEOJSON + "; charset=utf-8", build);
    }

    /** The same for JSON. */
    public void json(Context ctx, String key, List<String> layers, Supplier<String> build) {
        serve(ctx, key, layers, "application/json; charset=utf-8", build);
    }

    /** The same for any text (an HTML page, say), kept as it is written. */
    public void text(Context ctx, String key, List<String> layers, String type, Supplier<String> build) {
        serve(ctx, key, layers, type, () -> build.get(), false);
    }

    private void serve(Context ctx, String key, List<String> layers, String type, Supplier<String> build) {
        serve(ctx, key, layers, type, build, true);
    }

    private void serve(Context ctx, String key, List<String> layers, String type, Supplier<String> build, boolean json) {
        var read = versions.current(layers);
        Entry entry = entries.get(key);
        if (read.isEmpty() && entry != null) {
            // the database is away: the kept bytes are the best answer there is
            Responses.kept(ctx, entry.etag(), type, entry.plain(), entry.gzip());
            return;
        }
        String version = read.orElse("");
        if (entry == null || !entry.version().equals(version)) {
            if (entry == null && entries.size() >= MAX_ENTRIES || bytes.get() > MAX_BYTES) {
                entries.clear();
                bytes.set(0);
            }
            entry = entries.compute(key, (k, old) -> {
                if (old != null && old.version().equals(version)) {
                    return old;
                }
                Entry built = entry(version, build.get(), json);
                bytes.addAndGet(built.size() - (old == null ? 0 : old.size()));
                return built;
            });
        }
        Responses.kept(ctx, entry.etag(), type, entry.plain(), entry.gzip());
    }

    private static Entry entry(String version, String body, boolean json) {
        byte[] plain = (json ? JsonText.compact(body) : body).getBytes(StandardCharsets.UTF_8);
        return new Entry(version, Responses.entityTag("", plain), plain, gzip(plain));
    }

    static byte[] gzip(byte[] plain) {
        var out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    /** How many answers are kept now (for the admin's status). */
    public int size() {
        return entries.size();
    }

    /** How many bytes they hold, plain and gzip together. */
    public long bytes() {
        return bytes.get();
    }
}
