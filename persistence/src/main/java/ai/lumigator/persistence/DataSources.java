package ai.lumigator.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/** Pooled data sources for SQLite and PostgreSQL. Close the returned pool on shutdown. */
public final class DataSources {

  private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

  private DataSources() {}

  public static HikariDataSource create(DatabaseProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(properties.url());
    config.setMaximumPoolSize(properties.maxPoolSize());
    config.setPoolName("lumigator-db");
    if (properties.username() != null) {
      config.setUsername(properties.username());
    }
    if (properties.password() != null) {
      config.setPassword(properties.password());
    }
    if (properties.isSqlite()) {
      sqliteFile(properties.url()).ifPresent(DataSources::createParentFolder);
      // Driver properties: sqlite-jdbc applies them as pragmas on every new connection.
      config.setDataSourceProperties(sqliteConfig().toProperties());
    }
    return new HikariDataSource(config);
  }

  private static SQLiteConfig sqliteConfig() {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
    sqlite.enforceForeignKeys(true);
    // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when
    // another connection wrote meanwhile (the busy timeout does not apply); taking the write
    // lock at BEGIN makes such transactions wait their turn instead.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return sqlite;
  }

  /** The database file of a {@code jdbc:sqlite:} URL; empty for in-memory databases. */
  static Optional<Path> sqliteFile(String url) {
    String path = url.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith(":resource:")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(path));
  }

  private static void createParentFolder(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database folder " + parent, e);
    }
  }
}
