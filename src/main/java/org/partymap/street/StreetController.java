package org.partymap.street;

import io.javalin.http.Context;
import java.util.List;
import org.partymap.http.KeptAnswers;
import org.partymap.http.Params;

/** {@code GET /api/streets?class=&bbox=}: bytes kept per layer version. */
public final class StreetController {

    private final StreetRepository streets;
    private final KeptAnswers kept;

    public StreetController(StreetRepository streets, KeptAnswers kept) {
        this.streets = streets;
        this.kept = kept;
    }

    public void list(Context ctx) {
        var streetClass = Params.oneOf(ctx, "class", StreetRepository.CLASSES);
        var bbox = Params.bbox(ctx);
        kept.geojson(ctx, "streets?" + streetClass.orElse(null) + "&" + bbox.orElse(null), List.of("street"),
                () -> streets.list(streetClass, bbox));
    }
}
