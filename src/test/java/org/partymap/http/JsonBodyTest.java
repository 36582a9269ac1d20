package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static final Set<String> FIELDS = Set.of("name", "scope", "flag");

    private static JsonBody body(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8), FIELDS);
    }

    @Test
    void membersAreTakenStrictly() {
        JsonBody b = body("{\"name\": \"  王丽 \", \"scope\": \"320902001001001，320902001001002\", \"flag\": true}");
        assertEquals("王丽", b.text("name", 10));
        assertEquals(List.of("320902001001001", "320902001001002"), b.textList("scope", 10, 20).orElseThrow());
        assertEquals(Optional.of(true), b.bool("flag"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "\"x\"", "{\"name\": NaN}", "{\"name\": \"a\"} {}", "{\"name\": \"a\", \"name\": \"b\"}", "{\"other\": 1}"})
    void brokenBodiesAreA400WithAReason(String json) {
        ApiException e = assertThrows(ApiException.class, () -> body(json));
        assertEquals(400, e.status());
        assertTrue(!e.getMessage().isBlank());
    }

    @Test
    void invalidUtf8IsA400() {
        byte[] bytes = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};
        assertEquals(400, assertThrows(ApiException.class, () -> JsonBody.parse(bytes, FIELDS)).status());
    }

    @Test
    void wrongTypesTooLongTextAndControlCharactersAreNamed() {
        for (String json : List.of("{\"name\": 5}", "{\"name\": \"" + "x".repeat(11) + "\"}", "{\"name\": \"a\\u0000b\"}")) {
            ApiException e = assertThrows(ApiException.class, () -> body(json).text("name", 10));
            assertEquals("name", e.toProblem().extensions().get("field"), json);
        }
        assertEquals(400, assertThrows(ApiException.class, () -> body("{\"flag\": \"yes\"}").bool("flag")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> body("{\"scope\": [1]}").textList("scope", 5, 5)).status());
    }
}
