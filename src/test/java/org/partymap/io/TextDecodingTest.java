package org.partymap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {

    private static final String TEXT = "名称,地址\n万方花园网格驿站,盐城市亭湖区人民路12号\n";

    @Test
    void plainUtf8IsRead() {
        var d = TextDecoding.decode(TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void theUtf8ByteOrderMarkIsDropped() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertEquals(TEXT, TextDecoding.decode(bytes).text());
    }

    @Test
    void gbkIsDetectedAndDecoded() {
        var d = TextDecoding.decode(TEXT.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertEquals(TEXT, d.text());
        assertEquals("GBK", d.encoding());
    }

    @Test
    void gbkWithAGb18030ByteOrderMarkIsDecoded() {
        byte[] body = TEXT.getBytes(TextDecoding.GB18030);
        byte[] bytes = new byte[body.length + 4];
        bytes[0] = (byte) 0x84;
        bytes[1] = (byte) 0x31;
        bytes[2] = (byte) 0x95;
        bytes[3] = (byte) 0x33;
        System.arraycopy(body, 0, bytes, 4, body.length);
        assertEquals(TEXT, TextDecoding.decode(bytes).text());
    }

    @Test
    void bytesThatAreNeitherAreRefusedWithTheLine() {
        byte[] bytes = "a\nb\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xFF;
        bad[bytes.length + 1] = (byte) 0xFF;
        var e = assertThrows(TextDecoding.DecodingException.class, () -> TextDecoding.decode(bad));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void utf16IsNamedRatherThanGarbled() {
        var e = assertThrows(TextDecoding.DecodingException.class,
                () -> TextDecoding.decode(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}));
        assertTrue(e.getMessage().contains("UTF-16"));
    }
}
