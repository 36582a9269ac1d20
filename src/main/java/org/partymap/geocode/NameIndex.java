package org.partymap.geocode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of one kind of place (roads, estates, communities …) for exact and fuzzy look-up.
 *
 * <p>Exact: a hash map from the normalised name. Fuzzy: an inverted index from each character
 * and each character bigram of a name to the names that contain it. A query collects the names
 * sharing its grams (bigrams count double; grams found in more than a quarter of all names, such
 * as 路 or 花园, are skipped because they tell nothing), then checks the best few hundred with
 * {@link NameSimilarity}. Built once, then read by many threads.
 *
 * @param <T> the place a name stands for
 */
final class NameIndex<T> {

    /** A place found by name and how alike its name is to the query (1 = the same). */
    record Hit<T>(T value, String name, double similarity) {
    }

    private static final int MAX_CHECKED = 300;
    private static final long BIGRAM = 1L << 40;

    private final List<String> names = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    private final Map<String, List<T>> exact = new HashMap<>();
    private final Map<Long, List<Integer>> building = new HashMap<>();
    private Map<Long, int[]> postings;
    private int tooCommon;

    /** Adds a name (already normalised) for a place; a place may have several names. */
    void add(String name, T value) {
        if (name == null || name.isEmpty()) {
            return;
        }
        List<T> same = exact.computeIfAbsent(name, k -> new ArrayList<>(1));
        if (same.contains(value)) {
            return;
        }
        same.add(value);
        int id = names.size();
        names.add(name);
        values.add(value);
        for (long g : grams(name)) {
            List<Integer> list = building.computeIfAbsent(g, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != id) {
                list.add(id);
            }
        }
    }

    /** Ends adding; from here on the index is read-only. */
    NameIndex<T> freeze() {
        postings = new HashMap<>(building.size() * 2);
        building.forEach((g, ids) -> postings.put(g, ids.stream().mapToInt(Integer::intValue).toArray()));
        building.clear();
        tooCommon = Math.max(48, names.size() / 4);
        return this;
    }

    List<T> exact(String name) {
        return name == null ? List.of() : exact.getOrDefault(name, List.of());
    }

    int size() {
        return names.size();
    }

    /** The places whose names are at least {@code minSimilarity} alike to the query, best first, one hit per place. */
    List<Hit<T>> fuzzy(String query, int max, double minSimilarity) {
        if (query == null || query.isEmpty() || names.isEmpty()) {
            return List.of();
        }
        var shared = new HashMap<Integer, Integer>();
        for (long g : grams(query)) {
            int[] ids = postings.get(g);
            if (ids == null || ids.length > tooCommon) {
                continue;
            }
            int weight = g > BIGRAM ? 2 : 1;
            for (int id : ids) {
                shared.merge(id, weight, Integer::sum);
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(shared.entrySet());
        ranked.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed());
        var best = new LinkedHashMap<T, Hit<T>>();
        for (int i = 0; i < ranked.size() && i < MAX_CHECKED; i++) {
            int id = ranked.get(i).getKey();
            double sim = NameSimilarity.of(query, names.get(id));
            if (sim >= minSimilarity) {
                T v = values.get(id);
                Hit<T> old = best.get(v);
                if (old == null || old.similarity() < sim) {
                    best.put(v, new Hit<>(v, names.get(id), sim));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble((Hit<T> h) -> h.similarity()).reversed())
                .limit(max)
                .toList();
    }

    /** Characters, and bigrams as BIGRAM | first << 16 | second, distinct. */
    private static long[] grams(String s) {
        int n = s.length();
        long[] out = new long[n + Math.max(0, n - 1)];
        for (int i = 0; i < n; i++) {
            out[i] = s.charAt(i);
            if (i + 1 < n) {
                out[n + i] = BIGRAM | (long) s.charAt(i) << 16 | s.charAt(i + 1);
            }
        }
        return Arrays.stream(out).distinct().toArray();
    }
}
