package ai.lumigator.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

  @Test
  void givesAMigratedPostgresqlDatabaseOfTheClassOwn(TestDatabase db, DataSource dataSource)
      throws Exception {
    assertThat(db.kind()).isEqualTo(TestDatabase.Kind.POSTGRESQL);
    assertThat(db.dataSource()).isSameAs(dataSource);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getCatalog()).startsWith("lumigator_t_");
    }
    insertOneRunAndSeeOnlyIt(db.jdbi());
  }

  // With the test above, this shows the tables are emptied before each test, whatever the order.
  @Test
  void emptiesTheTablesBeforeEachTest(Jdbi jdbi) {
    insertOneRunAndSeeOnlyIt(jdbi);
  }

  @Test
  void derivesDatabaseUrlsFromTheServerUrl() {
    String url = "jdbc:postgresql://127.0.0.1:55432/lumigator_test?user=postgres";
    assertThat(PostgresServer.databaseName(url)).isEqualTo("lumigator_test");
    assertThat(PostgresServer.withDatabase(url, "other"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:55432/other?user=postgres");
  }

  private static void insertOneRunAndSeeOnlyIt(Jdbi jdbi) {
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO smoke_runs (id, ray_submission_id, status, created_at)"
                    + " VALUES ('r', 's', 'ok', 1)"));
    int rows =
        jdbi.withHandle(
            h -> h.createQuery("SELECT count(*) FROM smoke_runs").mapTo(int.class).one());
    assertThat(rows).isEqualTo(1);
  }
}
