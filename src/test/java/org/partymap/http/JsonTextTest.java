package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void postgresqlsSpacingBecomesJacksons() {
        assertEquals("{\"mode\":\"straight\",\"stations\":[{\"id\":1},{\"id\":2}],\"n\":null}",
                JsonText.compact("{\"mode\" : \"straight\", \"stations\" : [{\"id\" : 1}, \n {\"id\" : 2}], \"n\" : null}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"address\" : \"人民路 12 号\"}", "{\"q\" : \"say \\\"a , b\\\" : c\"}", "[\"tab\\t and \\\\\", \" \"]"})
    void whiteSpaceInsideStringsIsKeptAndTheValueIsTheSame(String json) throws Exception {
        var mapper = new ObjectMapper();
        String compact = JsonText.compact(json);
        assertEquals(mapper.readTree(json), mapper.readTree(compact));
        assertEquals(mapper.writeValueAsString(mapper.readTree(json)), compact, "the bytes Jackson would write");
    }

    @Test
    void compactTextIsReturnedAsItIs() {
        String json = "{\"type\":\"Point\",\"coordinates\":[120.1,33.4]}";
        assertSame(json, JsonText.compact(json));
    }
}
