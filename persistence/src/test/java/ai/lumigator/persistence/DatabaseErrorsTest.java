package ai.lumigator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseErrorsTest {
  @TempDir Path dir;

  @Test
  void aWriteRefusedBecauseAnotherConnectionHoldsTheLockIsBusy() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("busy.db");
    Jdbi jdbi = Jdbi.create(url + "?busy_timeout=100");
    jdbi.useHandle(h -> h.execute("CREATE TABLE t (x TEXT)"));
    try (Connection other = DriverManager.getConnection(url);
        Statement s = other.createStatement()) {
      s.execute("BEGIN EXCLUSIVE");
      Exception refused = null;
      try {
        jdbi.useHandle(h -> h.execute("INSERT INTO t VALUES ('secret-ish value')"));
      } catch (Exception e) {
        refused = e;
      }
      s.execute("COMMIT");
      assertThat(refused).isNotNull();
      assertThat(refused.getMessage()).contains("INSERT"); // JDBI's message has the SQL...
      assertThat(DatabaseErrors.isBusy(refused)).isTrue();
      String summary = DatabaseErrors.summary(DatabaseErrors.sqlCause(refused).orElseThrow());
      assertThat(summary).contains("SQLITE_BUSY").doesNotContain("INSERT"); // ...the summary not
    }
  }

  @Test
  void otherFailuresAreNotBusy() {
    Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + dir.resolve("other.db"));
    Exception failed = null;
    try {
      jdbi.useHandle(h -> h.execute("INSERT INTO missing VALUES (1)"));
    } catch (Exception e) {
      failed = e;
    }
    assertThat(DatabaseErrors.isBusy(failed)).isFalse();
    assertThat(DatabaseErrors.isBusy(new IllegalStateException("x"))).isFalse();
  }
}
