package org.partymap.card;

import io.javalin.http.Context;
import java.util.List;
import org.partymap.auth.AccessControl;
import org.partymap.auth.User;
import org.partymap.http.ApiException;
import org.partymap.http.Params;
import org.partymap.http.Responses;

/**
 * 便民卡 routes. Public: a grid's card as JSON ({@code GET /api/grids/{id}/card}, for card.html)
 * and as PDF ({@code …/card.pdf}), both from {@link CardAnswers} with a strong ETag. Staff: all the
 * cards of a community ({@link User#servesCommunity}) or a subdistrict ({@link User#requireSubdistrict})
 * imposed on A4 for the print shop. No PDF is written while the QR code would open an address no
 * phone reaches (409, saying what to set); a missing font is a 503 naming its package.
 */
public final class CardController {

    public static final String PDF = "application/pdf";

    private final CardRepository cards;
    private final CardAnswers answers;
    private final CardPdf pdf;

    public CardController(CardRepository cards, CardAnswers answers, CardPdf pdf) {
        this.cards = cards;
        this.answers = answers;
        this.pdf = pdf;
    }

    public void card(Context ctx) {
        int id = Params.id(ctx, "id");
        var a = answers.json(id).orElseThrow(() -> noGrid(id));
        send(ctx, a, "application/json; charset=utf-8", null);
    }

    public void cardPdf(Context ctx) {
        int id = Params.id(ctx, "id");
        answers.json(id).orElseThrow(() -> noGrid(id)); // held per layer version: no query for a known grid
        requireLink();
        var a = fonted(() -> answers.pdf(id)).orElseThrow(() -> noGrid(id));
        send(ctx, a, PDF, "card-" + id + ".pdf");
    }

    public void communityPdf(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int id = Params.id(ctx, "id");
        var c = cards.findCommunity(id).orElseThrow(() -> ApiException.notFound("community-not-found", "there is no community " + id));
        if (!user.servesCommunity(c.community().id(), c.subdistrict().id())) {
            throw ApiException.forbidden("out-of-scope", "you are not staff of " + c.community().name() + " (community " + id
                    + "): its cards are printed by its community staff, its subdistrict's planners and admins");
        }
        requireLink();
        sheets(ctx, c.subdistrict().name() + c.community().name() + " 便民卡", cards.community(id), "cards-community-" + c.community().code() + ".pdf");
    }

    public void subdistrictPdf(Context ctx) {
        User user = AccessControl.requireUser(ctx);
        int id = Params.id(ctx, "id");
        var s = cards.findSubdistrict(id).orElseThrow(() -> ApiException.notFound("subdistrict-not-found", "there is no subdistrict " + id));
        user.requireSubdistrict(id);
        requireLink();
        sheets(ctx, s.name() + " 便民卡", cards.subdistrict(id), "cards-subdistrict-" + s.code() + ".pdf");
    }

    private void sheets(Context ctx, String title, List<Card> list, String fileName) {
        if (list.isEmpty()) {
            throw ApiException.unprocessable("no-grids", "there are no grids to print cards of in " + title);
        }
        byte[] body = fonted(() -> {
            try (CardFont font = CardFont.open()) {
                return pdf.sheets(title, list, font);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ctx.header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"")
                .contentType(PDF).result(body);
    }

    private void requireLink() {
        answers.link().refusal().ifPresent(why -> {
            throw ApiException.conflict("card-link-unusable", "no card is printed with a QR code that opens no page: " + why);
        });
    }

    private static <T> T fonted(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (CardFont.Missing e) {
            throw new ApiException(503, "card-font-missing", "Service unavailable", e.getMessage());
        }
    }

    private static void send(Context ctx, CardAnswers.Answer a, String type, String fileName) {
        if (fileName != null) {
            ctx.header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
        }
        Responses.kept(ctx, a.etag(), type, a::body);
    }

    private static ApiException noGrid(int id) {
        return ApiException.notFound("grid-not-found", "there is no grid " + id);
    }
}
