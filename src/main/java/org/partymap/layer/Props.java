package org.partymap.layer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a feature's properties. A value that is present but unusable is recorded as a
 * problem (with the feature's place in the file) and read as absent, so that one pass over a file
 * reports everything wrong with it.
 */
final class Props {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerFeature feature;
    private final List<String> problems;
    private int own;

    Props(LayerFeature feature, List<String> problems) {
        this.feature = feature;
        this.problems = problems;
    }

    void problem(String message) {
        problems.add(feature.where() + ": " + message);
        own++;
    }

    /** Whether no problem has been found with this feature so far. */
    boolean clean() {
        return own == 0;
    }

    Optional<String> text(String key, int maxLength) {
        Object v = feature.properties().get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            problem(key + " must be text");
            return Optional.empty();
        }
        String s = v.toString().strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.length() > maxLength) {
            problem(key + " is longer than " + maxLength + " characters");
            return Optional.empty();
        }
        if (s.chars().anyMatch(ch -> ch < 0x20)) {
            problem(key + " contains control characters");
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** Required text: a problem when absent; "" stands in so that reading can go on. */
    String required(String key, int maxLength) {
        if (feature.properties().get(key) == null || feature.properties().get(key).toString().isBlank()) {
            problem("the property '" + key + "' is required");
            return "";
        }
        return text(key, maxLength).orElse("");
    }

    Optional<String> matching(String key, String regex, String description) {
        Optional<String> s = text(key, 64);
        if (s.isPresent() && !s.get().matches(regex)) {
            problem(key + " must be " + description + ", not '" + s.get() + "'");
            return Optional.empty();
        }
        return s;
    }

    Optional<Integer> integer(String key, int min, int max) {
        Object v = feature.properties().get(key);
        if (v == null || v.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            double d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
            if (d != Math.rint(d) || d < min || d > max) {
                problem(key + " must be a whole number from " + min + " to " + max + ", not " + v);
                return Optional.empty();
            }
            return Optional.of((int) d);
        } catch (NumberFormatException e) {
            problem(key + " must be a whole number, not '" + v + "'");
            return Optional.empty();
        }
    }

    /** One of the accepted values; keys of {@code accepted} (English or Chinese) map to stored codes. */
    Optional<String> oneOf(String key, Map<String, String> accepted) {
        Optional<String> s = text(key, 64);
        if (s.isEmpty()) {
            return s;
        }
        String code = accepted.get(s.get());
        if (code == null) {
            problem(key + " must be one of " + String.join(", ", accepted.keySet().stream().sorted().toList())
                    + ", not '" + s.get() + "'");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** A list: a JSON array of text, or text separated by ; ； 、 or |. */
    String[] list(String key, int maxItemLength) {
        Object v = feature.properties().get(key);
        if (v == null) {
            return new String[0];
        }
        List<String> items = v instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : Arrays.asList(v.toString().split("[;；、|]"));
        items = items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.stream().anyMatch(s -> s.length() > maxItemLength)) {
            problem(key + " has an item longer than " + maxItemLength + " characters");
        }
        return items.toArray(String[]::new);
    }

    /** A JSON array property, as JSON text. */
    String jsonArray(String key) {
        Object v = feature.properties().get(key);
        if (v == null) {
            return "[]";
        }
        if (!(v instanceof List)) {
            problem(key + " must be a JSON array");
            return "[]";
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            problem(key + " cannot be written as JSON");
            return "[]";
        }
    }
}
