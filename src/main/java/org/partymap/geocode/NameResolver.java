package org.partymap.geocode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the places a name in an address stands for, from surest to least sure: the exact
 * normalised name (or another name of the place), the name's core without its generic ending
 * ("万方" for 万方花园, "人民" for 人民路), the name without an estate phase ("万方花园2期"), the
 * name without an extra generic ending ("幸福花园小区"), a name with the same core but another
 * ending ("万方小区" for 万方花园: maybe another place), and last the most alike names. Each hit carries a factor (0–1) that the score is multiplied by:
 * 1 for an exact name, less for a fuzzy one, and less again when a second, different place is
 * nearly as alike (a typo that could point to either).
 */
final class NameResolver {

    /** A place found by name, and how much that name match is to be trusted (1 = exact). */
    record Hit<T>(T value, double factor, boolean exact) {
    }

    static final double CORE = 0.95;
    static final double PHASE = 0.95;
    static final double OTHER_SUFFIX = 0.8;
    private static final double MIN_SIMILARITY = 0.5;
    private static final int MAX_FUZZY = 4;
    private static final Pattern PHASE_SUFFIX = Pattern.compile("[0-9]+[期区]$");

    private NameResolver() {
    }

    static <T> List<Hit<T>> resolve(String name, NameIndex<T> index, Map<String, List<T>> cores, Function<String, String> coreOf) {
        if (name == null || name.isEmpty()) {
            return List.of();
        }
        List<T> exact = index.exact(name);
        if (!exact.isEmpty()) {
            return all(exact, 1, true);
        }
        List<T> byCore = cores.getOrDefault(name, List.of());
        if (!byCore.isEmpty()) {
            return all(byCore, CORE, true);
        }
        String withoutPhase = PHASE_SUFFIX.matcher(name).replaceFirst("");
        if (!withoutPhase.equals(name) && !withoutPhase.isEmpty()) {
            List<Hit<T>> hits = resolve(withoutPhase, index, cores, coreOf);
            if (!hits.isEmpty()) {
                return hits.stream().map(h -> new Hit<>(h.value(), h.factor() * PHASE, h.exact())).toList();
            }
        }
        String core = coreOf.apply(name);
        if (!core.equals(name)) {
            List<T> withoutEnding = index.exact(core);
            if (!withoutEnding.isEmpty()) {
                return all(withoutEnding, CORE, true); // 幸福花园小区 for 幸福花园
            }
            List<T> sameCore = cores.getOrDefault(core, List.of());
            if (!sameCore.isEmpty()) {
                return all(sameCore, OTHER_SUFFIX, false); // 万方小区 for 万方花园
            }
        }
        return fuzzy(name, index);
    }

    /** Exact names only, for a name looked up in a dictionary of another kind (a 村 that is an estate). */
    static <T> List<Hit<T>> exactOnly(String name, NameIndex<T> index, double factor) {
        return name == null ? List.of() : all(index.exact(name), factor, true);
    }

    static <T> List<Hit<T>> fuzzy(String name, NameIndex<T> index) {
        List<NameIndex.Hit<T>> hits = index.fuzzy(name, MAX_FUZZY, MIN_SIMILARITY);
        var out = new ArrayList<Hit<T>>(hits.size());
        for (int i = 0; i < hits.size(); i++) {
            double sim = hits.get(i).similarity();
            double rival = 0;
            for (int j = 0; j < hits.size(); j++) {
                if (j != i) {
                    rival = Math.max(rival, hits.get(j).similarity());
                }
            }
            out.add(new Hit<>(hits.get(i).value(), fuzzyFactor(sim, sim - rival), false));
        }
        return out;
    }

    /**
     * 0.92 for one edit in four characters or more, 0.8 for one in three, 0.65 below; times 0.8
     * when another place's name is within 0.15 as alike.
     */
    static double fuzzyFactor(double similarity, double margin) {
        double f = similarity >= 0.75 ? 0.92 : similarity >= 0.6 ? 0.8 : 0.65;
        return margin < 0.15 ? f * 0.8 : f;
    }

    private static <T> List<Hit<T>> all(List<T> values, double factor, boolean exact) {
        var out = new ArrayList<Hit<T>>(values.size());
        for (T v : values) {
            out.add(new Hit<>(v, factor, exact));
        }
        return out;
    }
}
