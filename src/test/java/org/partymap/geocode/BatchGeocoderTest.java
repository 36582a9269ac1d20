package org.partymap.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchGeocoderTest {

    private final BatchGeocoder batch = new BatchGeocoder(new Matcher(SmallGazetteer.build()));

    @Test
    void everyRowGetsItsBestAnswerAndTheSummaryNamesTheLinesThatNeedALook() {
        var items = List.of(new BatchGeocoder.Item(2, "人民路12号"), new BatchGeocoder.Item(3, "万方花园3-2-501"),
                new BatchGeocoder.Item(4, ""), new BatchGeocoder.Item(5, "人民路"), new BatchGeocoder.Item(6, "阿斯顿发生"));
        var last = new AtomicInteger();
        BatchGeocoder.Result r = batch.geocode(items, last::set);
        assertEquals(5, last.get());
        assertEquals("人民路12号", r.best().get(0).address());
        assertEquals("万方花园3幢2单元", r.best().get(1).address());
        assertNull(r.best().get(2));
        assertEquals(List.of(4, 6), r.unmatched());
        assertEquals(List.of(5), r.uncertain());
        assertEquals(2, r.byLevel().get(MatchLevel.ADDRESS));
        String summary = r.summary();
        assertTrue(summary.contains("unmatched     2: lines 4, 6"), summary);
        assertTrue(summary.contains("below 0.8     1: line 5"), summary);
    }

    @Test
    void aLargeBatchGivesTheSameAnswersAsOneByOne() {
        var items = new ArrayList<BatchGeocoder.Item>();
        for (int i = 0; i < 5000; i++) {
            items.add(new BatchGeocoder.Item(i + 2, "人民路" + (1 + i % 60) + "号"));
        }
        BatchGeocoder.Result r = batch.geocode(items, n -> { });
        Matcher one = new Matcher(SmallGazetteer.build());
        for (int i = 0; i < items.size(); i += 97) {
            assertEquals(one.match(items.get(i).text(), 1).get(0), r.best().get(i));
        }
    }
}
