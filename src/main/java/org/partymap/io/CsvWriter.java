package org.partymap.io;

import java.util.List;

/**
 * Writes CSV rows (RFC 4180): a field with a comma, a quote or a line break is quoted, quotes
 * doubled; lines end with CRLF as spreadsheet programs expect.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();

    public CsvWriter row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        out.append("\r\n");
        return this;
    }

    public String text() {
        return out.toString();
    }
}
