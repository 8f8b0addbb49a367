package ai.lumigator.persistence;

import java.sql.SQLException;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What a failed database call means, without its SQL: JDBI's exceptions carry the statement and its
 * arguments, which belong in logs, never in a response or a recorded failure reason.
 */
public final class DatabaseErrors {
  /** PostgreSQL: lock_not_available, deadlock_detected. */
  private static final java.util.Set<String> PG_BUSY = java.util.Set.of("55P03", "40P01");

  private DatabaseErrors() {}

  /** The database refused for now because another connection holds its lock. */
  public static boolean isBusy(Throwable t) {
    return sqlCause(t).map(DatabaseErrors::busy).orElse(false);
  }

  /** The first SQL exception in the cause chain. */
  public static Optional<SQLException> sqlCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException sql) return Optional.of(sql);
    }
    return Optional.empty();
  }

  /** One line naming the database's answer (its error code and message), no SQL. */
  public static String summary(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static boolean busy(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode code = s.getResultCode();
      return code != null
          && (code.name().startsWith("SQLITE_BUSY") || code.name().startsWith("SQLITE_LOCKED"));
    }
    return e.getSQLState() != null && PG_BUSY.contains(e.getSQLState());
  }
}
