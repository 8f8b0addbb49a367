package ai.lumigator.persistence.testing;

import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.DataSources;
import ai.lumigator.persistence.DatabaseProperties;
import ai.lumigator.persistence.Jdbis;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database of its own: a file in a temporary folder (SQLite) or a new database on
 * the test server (PostgreSQL). Closing it removes it.
 */
public final class TestDatabase implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  public enum Kind {
    SQLITE,
    POSTGRESQL;

    public TestDatabase open() {
      return this == SQLITE ? sqlite() : postgres();
    }
  }

  /** Children first, so that deleting respects foreign keys. */
  private static final List<String> TABLES =
      List.of(
          "workflow_jobs", "workflows", "experiments", "jobs", "datasets", "secrets", "smoke_runs");

  private final Kind kind;
  private final DatabaseProperties properties;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Runnable cleanup;
  private boolean closed;

  private TestDatabase(Kind kind, String url, Runnable cleanup) {
    this.kind = kind;
    this.properties = DatabaseProperties.of(url);
    this.cleanup = cleanup;
    HikariDataSource pool = null;
    try {
      pool = DataSources.create(properties);
      DatabaseMigrator.migrate(pool);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      cleanup.run();
      throw e;
    }
    this.dataSource = pool;
    this.jdbi = Jdbis.create(pool);
  }

  public static TestDatabase sqlite() {
    try {
      Path dir = Files.createTempDirectory("lumigator-sqlite");
      return new TestDatabase(
          Kind.SQLITE, "jdbc:sqlite:" + dir.resolve("lumigator.db"), () -> deleteTree(dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestDatabase postgres() {
    String url = PostgresServer.createDatabase();
    return new TestDatabase(Kind.POSTGRESQL, url, () -> PostgresServer.dropDatabase(url));
  }

  public Kind kind() {
    return kind;
  }

  /** The properties that reach this database, e.g. to start an application on it. */
  public DatabaseProperties properties() {
    return properties;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public <T> T dao(Class<T> type) {
    return jdbi.onDemand(type);
  }

  /** Deletes every row of the application's tables (the schema stays). */
  public void reset() {
    jdbi.useTransaction(handle -> TABLES.forEach(table -> handle.execute("DELETE FROM " + table)));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      dataSource.close();
    } finally {
      cleanup.run();
    }
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase();
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
