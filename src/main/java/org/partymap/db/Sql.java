package org.partymap.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The little JDBC every repository needs: run a statement with bound parameters and map its
 * rows. Values are always bound with {@code ?}; nothing is ever spliced into the SQL text.
 * SQL errors become {@link DataAccessException}s, which the error mapper turns into a 500.
 */
public final class Sql {

    private Sql() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> List<T> list(DataSource ds, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = ds.getConnection()) {
            return list(c, sql, mapper, params);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static <T> List<T> list(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            var out = new ArrayList<T>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    public static <T> Optional<T> one(DataSource ds, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(ds, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public static <T> Optional<T> one(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = list(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The first column of the first row as text: for queries in which PostGIS writes the JSON. */
    public static Optional<String> text(DataSource ds, String sql, Object... params) {
        return one(ds, sql, rs -> rs.getString(1), params);
    }

    public static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection()) {
            return update(c, sql, params);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public static <T> T transaction(DataSource ds, TransactionWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Runs {@code work} in a transaction that is always rolled back: to see what a change would do
     * (a planner's preview, an import rehearsed by its benchmark) with the very statements that would make it.
     */
    public static <T> T rolledBack(DataSource ds, TransactionWork<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            bind(ps, params);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else if (p instanceof Integer[] array) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("integer", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A database error the caller cannot do anything about; the server answers 500. */
    public static final class DataAccessException extends RuntimeException {
        public DataAccessException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
