package ai.lumigator.persistence.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.util.List;

class JobDaoTest {

  static JobRow job(String id, String type, long createdAt) {
    return job(id, type, createdAt, null);
  }

  static JobRow job(String id, String type, long createdAt, String experimentId) {
    return JobRow.created(
        id,
        "job " + id,
        "",
        type,
        "dataset-1",
        experimentId,
        "{\"name\":\"job/" + id + "\"}",
        "{\"name\":\"job\"}",
        null,
        createdAt);
  }

  @DatabaseTest
  void insertsAndFindsAJob(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    JobRow row = job("j1", JobTypes.INFERENCE, 1_000, "e1");
    dao.insert(row);

    assertThat(dao.findById("j1")).contains(row);
    assertThat(dao.findById("j1").orElseThrow().status()).isEqualTo(JobStatuses.CREATED);
    assertThat(dao.findById("missing")).isEmpty();
  }

  @DatabaseTest
  void statusMovesForwardButNeverLeavesATerminalState(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    dao.insert(job("j", JobTypes.INFERENCE, 1));

    assertThat(dao.updateStatus("j", JobStatuses.PENDING, 2)).isTrue();
    assertThat(dao.updateStatus("j", JobStatuses.PENDING, 3)).isFalse();
    assertThat(dao.updateStatus("j", JobStatuses.RUNNING, 4)).isTrue();
    assertThat(dao.updateStatus("j", JobStatuses.SUCCEEDED, 5)).isTrue();

    for (String status : List.of(JobStatuses.RUNNING, JobStatuses.FAILED, JobStatuses.STOPPED)) {
      assertThat(dao.updateStatus("j", status, 6)).isFalse();
    }
    JobRow row = dao.findById("j").orElseThrow();
    assertThat(row.status()).isEqualTo(JobStatuses.SUCCEEDED);
    assertThat(row.updatedAt()).isEqualTo(5);
    assertThat(row.createdAt()).isEqualTo(1);
    assertThat(dao.updateStatus("missing", JobStatuses.RUNNING, 7)).isFalse();
  }

  @DatabaseTest
  void everyTerminalStateIsFinal(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    for (String terminal : JobStatuses.TERMINAL) {
      dao.insert(job(terminal, JobTypes.EVALUATOR, 1));
      assertThat(dao.updateStatus(terminal, terminal, 2)).isTrue();
      assertThat(dao.updateStatus(terminal, JobStatuses.CREATED, 3)).isFalse();
      assertThat(dao.updateStatus(terminal, JobStatuses.RUNNING, 3)).isFalse();
      assertThat(dao.findById(terminal).orElseThrow().status()).isEqualTo(terminal);
    }
  }

  @DatabaseTest
  void listsNewestFirstAndCountsConsistentlyWithTheTypeFilter(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    dao.insert(job("i1", JobTypes.INFERENCE, 100));
    dao.insert(job("e1", JobTypes.EVALUATOR, 200));
    dao.insert(job("i2", JobTypes.INFERENCE, 300));
    dao.insert(job("a1", JobTypes.ANNOTATE, 400));
    dao.insert(job("i3", JobTypes.INFERENCE, 300));

    assertThat(ids(dao.list(List.of(), 0, 100))).containsExactly("a1", "i3", "i2", "e1", "i1");
    assertThat(dao.count(List.of())).isEqualTo(5);

    assertThat(ids(dao.list(List.of(JobTypes.INFERENCE), 0, 100)))
        .containsExactly("i3", "i2", "i1");
    assertThat(ids(dao.list(List.of(JobTypes.INFERENCE), 1, 1))).containsExactly("i2");
    assertThat(dao.count(List.of(JobTypes.INFERENCE))).isEqualTo(3);

    List<String> two = List.of(JobTypes.INFERENCE, JobTypes.EVALUATOR);
    assertThat(ids(dao.list(two, 0, 100))).containsExactly("i3", "i2", "e1", "i1");
    assertThat(dao.count(two)).isEqualTo(4);

    assertThat(dao.list(List.of("unknown"), 0, 100)).isEmpty();
    assertThat(dao.count(List.of("unknown"))).isZero();
  }

  @DatabaseTest
  void recordsRayDetailsLogsResultsProgressAndFailures(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    dao.insert(job("j", JobTypes.INFERENCE, 1));
    RayDetails ray =
        new RayDetails(
            "j",
            "FAILED",
            "Job failed",
            "JOB_ENTRYPOINT_COMMAND_ERROR",
            1_700_000_000_000L,
            1_700_000_060_000L,
            1,
            "java -jar jobs.jar inference",
            "{\"working_dir\":\"gcs://_ray_pkg_x.zip\"}",
            "{\"job_type\":\"inference\"}");

    assertThat(dao.updateRayDetails("j", ray, 2)).isTrue();
    assertThat(dao.saveLogs("j", "line 1\nline 2", 3)).isTrue();
    assertThat(dao.saveResult("j", "jobs/results/x/j/results.json", "{\"metrics\":{}}", 4))
        .isTrue();
    assertThat(dao.setProgress("j", 7, 10, 5)).isTrue();
    assertThat(dao.setGeneratedDataset("j", "d9", 6)).isTrue();
    assertThat(dao.setFailureReason("j", "provider unreachable", 7)).isTrue();

    JobRow row = dao.findById("j").orElseThrow();
    assertThat(row.raySubmissionId()).isEqualTo("j");
    assertThat(row.rayStatus()).isEqualTo("FAILED");
    assertThat(row.rayMessage()).isEqualTo("Job failed");
    assertThat(row.rayErrorType()).isEqualTo("JOB_ENTRYPOINT_COMMAND_ERROR");
    assertThat(row.rayStartTime()).isEqualTo(1_700_000_000_000L);
    assertThat(row.rayEndTime()).isEqualTo(1_700_000_060_000L);
    assertThat(row.rayDriverExitCode()).isEqualTo(1);
    assertThat(row.rayEntrypoint()).isEqualTo("java -jar jobs.jar inference");
    assertThat(row.rayRuntimeEnvJson()).isEqualTo("{\"working_dir\":\"gcs://_ray_pkg_x.zip\"}");
    assertThat(row.rayMetadataJson()).isEqualTo("{\"job_type\":\"inference\"}");
    assertThat(row.logs()).isEqualTo("line 1\nline 2");
    assertThat(row.resultsKey()).isEqualTo("jobs/results/x/j/results.json");
    assertThat(row.resultSummaryJson()).isEqualTo("{\"metrics\":{}}");
    assertThat(row.progressDone()).isEqualTo(7);
    assertThat(row.progressTotal()).isEqualTo(10);
    assertThat(row.generatedDatasetId()).isEqualTo("d9");
    assertThat(row.failureReason()).isEqualTo("provider unreachable");
    assertThat(row.updatedAt()).isEqualTo(7);

    RayDetails cleared =
        new RayDetails("j", "PENDING", null, null, null, null, null, null, null, null);
    assertThat(dao.updateRayDetails("j", cleared, 8)).isTrue();
    JobRow after = dao.findById("j").orElseThrow();
    assertThat(after.rayStartTime()).isNull();
    assertThat(after.rayDriverExitCode()).isNull();
    assertThat(after.rayMessage()).isNull();

    assertThat(dao.saveLogs("missing", "x", 9)).isFalse();
  }

  @DatabaseTest
  void findsTheJobsOfAnExperimentAndDeletes(TestDatabase db) {
    JobDao dao = db.dao(JobDao.class);
    dao.insert(job("a", JobTypes.INFERENCE, 1, "e1"));
    dao.insert(job("b", JobTypes.EVALUATOR, 2, "e1"));
    dao.insert(job("c", JobTypes.INFERENCE, 3, "e2"));
    dao.insert(job("d", JobTypes.INFERENCE, 4));

    assertThat(ids(dao.findByExperiment("e1"))).containsExactly("b", "a");
    assertThat(dao.delete("a")).isTrue();
    assertThat(dao.delete("a")).isFalse();
    assertThat(ids(dao.findByExperiment("e1"))).containsExactly("b");
    assertThat(dao.count(List.of())).isEqualTo(3);
  }

  private static List<String> ids(List<JobRow> rows) {
    return rows.stream().map(JobRow::id).toList();
  }
}
