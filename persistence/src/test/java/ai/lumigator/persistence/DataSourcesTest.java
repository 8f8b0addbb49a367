package ai.lumigator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.PostgresServer;
import ai.lumigator.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

  @Test
  void sqliteCreatesTheFolderAndSetsThePragmasOnEveryPooledConnection(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("nested/deeper/lumigator.db");
    try (HikariDataSource pool =
        DataSources.create(new DatabaseProperties("jdbc:sqlite:" + file, null, null, 3))) {
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          connections.add(pool.getConnection());
        }
        for (Connection connection : connections) {
          assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
          assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
          assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        }
      } finally {
        for (Connection connection : connections) {
          connection.close();
        }
      }
      assertThat(Files.isRegularFile(file)).isTrue();
    }
  }

  @Test
  void sqliteTransactionsThatReadThenWriteTakeTurns() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (TestDatabase db = TestDatabase.sqlite()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return db.jdbi()
                      .inTransaction(
                          h -> {
                            long seen =
                                h.createQuery("SELECT count(*) FROM smoke_runs")
                                    .mapTo(long.class)
                                    .one();
                            h.execute(
                                "INSERT INTO smoke_runs (id, ray_submission_id, status,"
                                    + " created_at) VALUES (?, 's', 'ok', 1)",
                                "run-" + seen);
                            return seen;
                          });
                }));
      }
      start.countDown();
      Set<Long> seen = new HashSet<>();
      for (Future<Long> result : results) {
        seen.add(result.get(60, TimeUnit.SECONDS));
      }
      // Each transaction saw all the ones before it: none failed, none read a stale count.
      assertThat(seen).hasSize(threads);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void postgresqlPoolConnects() throws Exception {
    String url = PostgresServer.baseUrl();
    try (HikariDataSource pool = DataSources.create(DatabaseProperties.of(url));
        Connection connection = pool.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(pool.getMaximumPoolSize()).isEqualTo(DatabaseProperties.DEFAULT_MAX_POOL_SIZE);
    }
  }

  @Test
  void findsTheSqliteFileOfAUrl() {
    assertThat(DataSources.sqliteFile("jdbc:sqlite:.lumigator/lumigator.db"))
        .contains(Path.of(".lumigator/lumigator.db"));
    assertThat(DataSources.sqliteFile("jdbc:sqlite:file:/tmp/x.db?mode=rwc"))
        .contains(Path.of("/tmp/x.db"));
    assertThat(DataSources.sqliteFile("jdbc:sqlite::memory:")).isEqualTo(Optional.empty());
  }

  @Test
  void propertiesFallBackToDefaults() {
    DatabaseProperties properties = new DatabaseProperties(" ", null, null, 0);
    assertThat(properties.url()).isEqualTo("jdbc:sqlite:.lumigator/lumigator.db");
    assertThat(properties.maxPoolSize()).isEqualTo(DatabaseProperties.DEFAULT_MAX_POOL_SIZE);
    assertThat(properties.isSqlite()).isTrue();
    assertThat(DatabaseProperties.of("jdbc:postgresql://h/db").isSqlite()).isFalse();
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
