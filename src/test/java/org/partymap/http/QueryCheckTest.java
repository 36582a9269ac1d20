package org.partymap.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "lon=120.1&lat=33.3", "q=%E4%BA%BA%E6%B0%91%E8%B7%AF", "q=人民路", "q=a+b&x=%20", "bbox=1,2,3,4", "q=%F0%9F%98%80"})
    void wellFormedQueriesPass(String query) {
        assertEquals(Optional.empty(), QueryCheck.problem(query));
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%zz", "q=%", "q=%4", "q=%ff", "q=%C0%AF", "q=%ED%A0%80", "q=a%00b", "q=%0d%0aSet-Cookie:x", "q=%7f", "q=\uFFFD"})
    void brokenQueriesAreRefusedWithAReason(String query) {
        assertTrue(QueryCheck.problem(query).orElseThrow().startsWith("the query string"));
    }
}
