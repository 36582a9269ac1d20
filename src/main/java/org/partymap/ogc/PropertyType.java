package org.partymap.ogc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The type of a published property, as written in collections.yaml and in JSON Schema. */
public enum PropertyType {
    STRING("string", Set.of("text", "character varying")),
    INTEGER("integer", Set.of("integer", "smallint", "bigint")),
    NUMBER("number", Set.of("numeric", "real", "double precision", "integer", "bigint")),
    BOOLEAN("boolean", Set.of("boolean")),
    DATE_TIME("date-time", Set.of("timestamp with time zone", "timestamp without time zone")),
    /** A list of strings (a PostgreSQL text[]). */
    ARRAY("array", Set.of("ARRAY")),
    /** Any JSON (a PostgreSQL jsonb), such as a list of contacts. */
    JSON("json", Set.of("json", "jsonb"));

    private final String code;
    private final Set<String> columnTypes;

    PropertyType(String code, Set<String> columnTypes) {
        this.code = code;
        this.columnTypes = columnTypes;
    }

    public String code() {
        return code;
    }

    /** Whether a client may filter on it with {@code ?name=value}. */
    public boolean isSimple() {
        return this == STRING || this == INTEGER || this == NUMBER || this == BOOLEAN;
    }

    /** Whether a view column of this {@code information_schema} data type can carry it. */
    boolean fits(String columnDataType) {
        return columnTypes.contains(columnDataType);
    }

    /** The JSON Schema of a value, for queryables, schemas and OpenAPI parameters. */
    public ObjectNode jsonSchema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        switch (this) {
            case DATE_TIME -> s.put("type", "string").put("format", "date-time");
            case ARRAY -> s.put("type", "array").putObject("items").put("type", "string");
            case JSON -> s.put("description", "JSON");
            default -> s.put("type", code);
        }
        return s;
    }

    public static PropertyType parse(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown property type '" + code + "'; known: " + codes()));
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(PropertyType::code).toList();
    }
}
