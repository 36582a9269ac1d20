package org.partymap.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object sent as a request body, read strictly: the body must be
 * {@code application/json}, valid UTF-8 and valid JSON (no duplicate keys, nothing after the
 * object), an object with only the members the endpoint names; each member is checked as it is
 * taken. Every failure is a 400 (or 415) that says what was wrong. The body itself is held to
 * the server's 1 MB request limit.
 */
public final class JsonBody {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** The request's body, which may have only the members named in {@code allowed}. */
    public static JsonBody of(Context ctx, Set<String> allowed) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip();
        if (!type.equalsIgnoreCase("application/json")) {
            throw ApiException.unsupportedMediaType("the body must be application/json, not " + (type.isEmpty() ? "nothing" : "'" + type + "'"));
        }
        return parse(ctx.bodyAsBytes(), allowed);
    }

    static JsonBody parse(byte[] bytes, Set<String> allowed) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("bad-json", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("bad-json", "the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("bad-json", "the body must be a JSON object");
        }
        var unknown = new ArrayList<String>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name.length() > 40 ? name.substring(0, 40) + "…" : name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("unknown-field", "the body has members this endpoint does not take: "
                    + String.join(", ", unknown) + "; it takes " + String.join(", ", allowed.stream().sorted().toList()))
                    .with("fields", unknown);
        }
        return new JsonBody((ObjectNode) root);
    }

    public boolean has(String name) {
        return node.hasNonNull(name);
    }

    /** A required text member, stripped, 1..maxLength characters, no control characters. */
    public String text(String name, int maxLength) {
        return optionalText(name, maxLength).orElseThrow(() -> bad(name, name + " is required"));
    }

    /** A required calendar date written YYYY-MM-DD (a day, no time, no zone). */
    public LocalDate date(String name) {
        String raw = text(name, 10);
        try {
            if (raw.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(raw);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw bad(name, name + " must be a date written YYYY-MM-DD, not '" + raw + "'");
    }

    public Optional<String> optionalText(String name, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw bad(name, name + " must be a string");
        }
        String text = v.asText().strip();
        checkText(name, text, maxLength);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A password or other secret: taken as sent (not stripped), never echoed in an error. */
    public String secret(String name, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw bad(name, name + " is required and must be a string");
        }
        if (v.asText().length() > maxLength) {
            throw bad(name, name + " is longer than " + maxLength + " characters");
        }
        return v.asText();
    }

    /** An optional list of strings, or one string of items separated by commas. */
    public Optional<List<String>> textList(String name, int maxItems, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        var items = new ArrayList<String>();
        if (v.isTextual()) {
            for (String part : v.asText().split("[,，、;]")) {
                items.add(part.strip());
            }
        } else if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw bad(name, name + " must be a list of strings");
                }
                items.add(item.asText().strip());
            }
        } else {
            throw bad(name, name + " must be a list of strings");
        }
        items.removeIf(String::isEmpty);
        if (items.size() > maxItems) {
            throw bad(name, name + " has " + items.size() + " items; at most " + maxItems + " are accepted");
        }
        items.forEach(item -> checkText(name, item, maxLength));
        return Optional.of(List.copyOf(items));
    }

    /** A required number between {@code min} and {@code max} (a JSON number, not text). */
    public double number(String name, double min, double max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw bad(name, name + " is required");
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw bad(name, name + " must be a number");
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            throw bad(name, name + " must be between " + min + " and " + max);
        }
        return d;
    }

    public Optional<Boolean> bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw bad(name, name + " must be true or false");
        }
        return Optional.of(v.booleanValue());
    }

    /** A member as JSON, for geometry and other structured values. */
    public Optional<JsonNode> node(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    private static void checkText(String name, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw bad(name, name + " is longer than " + maxLength + " characters");
        }
        if (text.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7F || ch == 0xFFFD)) {
            throw bad(name, name + " contains control characters or invalid UTF-8");
        }
    }

    private static ApiException bad(String name, String detail) {
        return ApiException.badRequest("bad-field", detail).with("field", name);
    }
}
