package org.partymap.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, {@code \N} for null,
 * backslash escapes, geometry as hex EWKB with SRID 4326, text arrays as array literals. Values
 * travel as data, never as SQL, so COPY is as safe as bound parameters.
 */
public final class CopyRows {

    private final StringBuilder sb = new StringBuilder(1 << 16);
    private final WKBWriter wkb = new WKBWriter(2, true);
    private boolean lineStart = true;
    private int rows;

    public CopyRows field(Object value) {
        if (!lineStart) {
            sb.append('\t');
        }
        lineStart = false;
        if (value == null) {
            sb.append("\\N");
        } else if (value instanceof Geometry g) {
            g.setSRID(4326);
            sb.append(WKBWriter.toHex(wkb.write(g)));
        } else if (value instanceof List<?> list) {
            sb.append(escape(arrayLiteral(list)));
        } else {
            sb.append(escape(value.toString()));
        }
        return this;
    }

    /** A polygon as the one-part multipolygon that area columns hold. */
    public CopyRows multi(Geometry polygonal) {
        if (polygonal instanceof Polygon p) {
            MultiPolygon m = p.getFactory().createMultiPolygon(new Polygon[] {p});
            return field(m);
        }
        return field(polygonal);
    }

    public void end() {
        sb.append('\n');
        lineStart = true;
        rows++;
    }

    public int rows() {
        return rows;
    }

    public String text() {
        return sb.toString();
    }

    /**
     * Sends the rows to {@code table} with COPY over the pool's connection, inside the caller's
     * transaction; {@code table} and {@code columns} come from code, never from input. Returns
     * the rows written.
     */
    public long copyInto(Connection c, String table, String columns) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(text()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static String arrayLiteral(List<?> values) {
        var a = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"').append(values.get(i).toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return a.append('}').toString();
    }

    public static String escape(String s) {
        var out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
