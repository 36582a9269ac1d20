package org.partymap.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text files as Chinese offices write them: UTF-8 with or without a byte-order mark, or
 * GBK (read as GB 18030, its superset), with or without one. A file that is neither fails with
 * the line of its first bad byte rather than turning into mojibake.
 */
public final class TextDecoding {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {
    }

    /** The decoded text and the encoding it was found to be in. */
    public record Decoded(String text, String encoding) {
    }

    public static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8 (with BOM)");
        }
        if (startsWith(bytes, 0x84, 0x31, 0x95, 0x33)) {
            return new Decoded(strict(bytes, 4, GB18030), "GB18030 (with BOM)");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new DecodingException("the file is UTF-16; save it as UTF-8 or GBK");
        }
        try {
            return new Decoded(decodeOrThrow(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Decoded(decodeOrThrow(bytes, 0, GB18030), "GBK");
            } catch (CharacterCodingException notGbk) {
                throw new DecodingException("the file is neither UTF-8 nor GBK: invalid byte on line "
                        + lineOfFirstInvalidUtf8(bytes));
            }
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return decodeOrThrow(bytes, offset, charset);
        } catch (CharacterCodingException e) {
            throw new DecodingException("the file starts with a " + charset.name()
                    + " byte-order mark but is not " + charset.name() + ": invalid byte on line " + lineOfFirstInvalidUtf8(bytes));
        }
    }

    private static String decodeOrThrow(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    private static int lineOfFirstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line - 1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes cannot be read as text in any encoding partymap accepts. */
    public static final class DecodingException extends RuntimeException {
        public DecodingException(String message) {
            super(message);
        }
    }
}
