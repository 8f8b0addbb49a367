package ai.lumigator.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.StatementException;

class MigrationsTest {

  @DatabaseTest
  void createsEveryTableAndIndexAndRecordsTheVersion(TestDatabase db) throws Exception {
    try (Connection connection = db.dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      Set<String> tables = new TreeSet<>();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      assertThat(tables)
          .containsAll(
              Set.of(
                  "datasets",
                  "jobs",
                  "experiments",
                  "workflows",
                  "workflow_jobs",
                  "secrets",
                  "smoke_runs",
                  "flyway_schema_history"));

      Set<String> jobIndexes = new TreeSet<>();
      try (ResultSet rs = meta.getIndexInfo(null, null, "jobs", false, false)) {
        while (rs.next()) {
          if (rs.getString("INDEX_NAME") != null) {
            jobIndexes.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      assertThat(jobIndexes).contains("jobs_job_type_created_at_idx");
    }
    assertThat(appliedVersions(db)).isEqualTo(1);
  }

  @DatabaseTest
  void migratingAgainChangesNothing(TestDatabase db) {
    DatabaseMigrator.migrate(db.dataSource());
    assertThat(appliedVersions(db)).isEqualTo(1);
  }

  @DatabaseTest
  void constraintsRejectUnknownStatusesAndMissingValues(TestDatabase db) {
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO smoke_runs (id, ray_submission_id, status,"
                                    + " created_at) VALUES ('a', NULL, 'ok', 1)")))
        .isInstanceOf(StatementException.class);
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO workflows (id, experiment_id, name, description,"
                                    + " model, provider, system_prompt, request_json, status,"
                                    + " created_at, updated_at) VALUES ('w', 'e', 'n', '', 'm',"
                                    + " 'p', '', '{}', 'paused', 1, 1)")))
        .isInstanceOf(StatementException.class);
  }

  @DatabaseTest
  void workflowLinksRequireTheirWorkflow(TestDatabase db) {
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "INSERT INTO workflow_jobs (workflow_id, role, job_id)"
                                    + " VALUES ('missing', 'inference', 'j')")))
        .isInstanceOf(StatementException.class);
  }

  private static int appliedVersions(TestDatabase db) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM flyway_schema_history"
                            + " WHERE success AND version = '1'")
                    .mapTo(Integer.class)
                    .one());
  }
}
