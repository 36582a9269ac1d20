package org.partymap.grid.edit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.partymap.http.ApiException;

/**
 * The versions an edit was based on, sent in {@code If-Match}. Every grid has an entity tag,
 * {@code "grid-12-v3"} (grid 12 at version 3): the planner views send it with each grid (and
 * {@code ETag} on a grid's history). An edit sends the tags of the grids it read — simplest, all
 * the grids of the community as loaded — in one {@code If-Match} header:
 *
 * <pre>If-Match: "grid-12-v3", "grid-15-v7"</pre>
 *
 * A save must name every grid it would change or retire (428 otherwise); if any of them is no
 * longer at the version named, someone saved in between and the answer is 409 with both versions.
 * Tags of grids the edit does not touch are not checked: an edit conflicts only with changes to
 * what it changes. Strong comparison only: {@code *} and weak tags ({@code W/"…"}) are refused.
 */
public final class BaseVersions {

    private static final Pattern TAG = Pattern.compile("\\s*\"grid-([1-9][0-9]{0,8})-v([1-9][0-9]{0,8})\"\\s*(?:,|$)");
    private static final int MAX_TAGS = 2000;

    private final Map<Integer, Integer> versions;

    private BaseVersions(Map<Integer, Integer> versions) {
        this.versions = Map.copyOf(versions);
    }

    public static final BaseVersions NONE = new BaseVersions(Map.of());

    /** The entity tag of a grid at a version. */
    public static String etag(int grid, int version) {
        return "\"grid-" + grid + "-v" + version + "\"";
    }

    /** Reads an If-Match header (null or blank: none sent); 400 when it is not a list of grid tags. */
    public static BaseVersions parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        var out = new LinkedHashMap<Integer, Integer>();
        Matcher m = TAG.matcher(header);
        int at = 0;
        while (at < header.length() && m.find(at) && m.start() == at) {
            int grid = Integer.parseInt(m.group(1));
            int version = Integer.parseInt(m.group(2));
            Integer earlier = out.put(grid, version);
            if (earlier != null && earlier != version) {
                throw bad("If-Match names grid " + grid + " twice with different versions");
            }
            at = m.end();
            if (out.size() > MAX_TAGS) {
                throw bad("If-Match names more than " + MAX_TAGS + " grids");
            }
        }
        if (at < header.length() && !header.substring(at).isBlank()) {
            throw bad("If-Match must list the entity tags of the grids the edit was based on, such as \"grid-12-v3\", \"grid-15-v7\""
                    + " (strong tags only, no *)");
        }
        return new BaseVersions(out);
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /** Every grid named, with its version. */
    public Map<Integer, Integer> entries() {
        return versions;
    }

    public Optional<Integer> of(int grid) {
        return Optional.ofNullable(versions.get(grid));
    }

    private static ApiException bad(String detail) {
        return ApiException.badRequest("bad-if-match", detail).with("header", "If-Match");
    }
}
