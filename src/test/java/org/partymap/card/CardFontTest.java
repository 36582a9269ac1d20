package org.partymap.card;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CardFontTest {

    @Test
    void aMissingFontNamesThePackageToInstall() {
        var e = assertThrows(CardFont.Missing.class, () -> CardFont.open(Path.of("/nonexistent/wqy-microhei.ttc")));
        assertTrue(e.getMessage().contains("apt-get install -y fonts-wqy-microhei"), e.getMessage());
    }

    @Test
    void theDebianFontOpens() throws Exception {
        try (CardFont font = CardFont.open()) {
            assertTrue(font != null);
        }
    }
}
