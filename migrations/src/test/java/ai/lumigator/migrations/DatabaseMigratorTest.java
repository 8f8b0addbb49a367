package ai.lumigator.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

// The PostgreSQL side is tested in the persistence module, which has the PostgreSQL test harness.
class DatabaseMigratorTest {

  @Test
  void picksTheFolderFromTheVendor() {
    assertThat(DatabaseMigrator.location("SQLite")).isEqualTo("classpath:db/migration/sqlite");
    assertThat(DatabaseMigrator.location("PostgreSQL"))
        .isEqualTo("classpath:db/migration/postgresql");
    assertThatThrownBy(() -> DatabaseMigrator.location("MySQL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MySQL");
  }

  @Test
  void createsTheSchemaOnSqliteAndIsRepeatable(@TempDir Path dir) throws Exception {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("test.db"));

    DatabaseMigrator.migrate(dataSource);
    DatabaseMigrator.migrate(dataSource);

    try (Connection connection = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          connection
              .createStatement()
              .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables)
          .containsExactly(
              "datasets",
              "experiments",
              "flyway_schema_history",
              "jobs",
              "secrets",
              "smoke_runs",
              "workflow_jobs",
              "workflows");
      try (ResultSet rs =
          connection
              .createStatement()
              .executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 1")) {
        rs.next();
        assertThat(rs.getInt(1)).as("each migration (V1..V3) applied once").isEqualTo(3);
      }
    }
  }
}
