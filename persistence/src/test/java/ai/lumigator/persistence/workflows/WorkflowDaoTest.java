package ai.lumigator.persistence.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.util.List;

class WorkflowDaoTest {

  static WorkflowRow workflow(String id, String experimentId, long createdAt) {
    return new WorkflowRow(
        id,
        experimentId,
        "wf " + id,
        "",
        "gpt-4o-mini",
        "openai",
        null,
        "Summarise.",
        "openai_api_key",
        "{\"name\":\"wf\"}",
        WorkflowStatuses.CREATED,
        null,
        null,
        null,
        null,
        createdAt,
        createdAt);
  }

  @DatabaseTest
  void insertsFindsAndListsByExperimentNewestFirst(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    WorkflowRow row = workflow("w1", "e1", 10);
    dao.insert(row);
    dao.insert(workflow("w2", "e1", 20));
    dao.insert(workflow("w3", "e2", 30));

    assertThat(dao.findById("w1")).contains(row);
    assertThat(dao.findById("missing")).isEmpty();
    assertThat(ids(dao.listByExperiment("e1"))).containsExactly("w2", "w1");
    assertThat(dao.listByExperiment("e3")).isEmpty();
  }

  @DatabaseTest
  void statusNeverLeavesSucceededOrFailed(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    dao.insert(workflow("ok", "e", 1));
    dao.insert(workflow("bad", "e", 1));

    assertThat(dao.updateStatus("ok", WorkflowStatuses.RUNNING, 2)).isTrue();
    assertThat(dao.updateStatus("ok", WorkflowStatuses.RUNNING, 3)).isFalse();
    assertThat(dao.updateStatus("ok", WorkflowStatuses.SUCCEEDED, 4)).isTrue();
    assertThat(dao.updateStatus("ok", WorkflowStatuses.FAILED, 5)).isFalse();
    assertThat(dao.updateStatus("ok", WorkflowStatuses.RUNNING, 5)).isFalse();
    assertThat(dao.findById("ok").orElseThrow().status()).isEqualTo(WorkflowStatuses.SUCCEEDED);
    assertThat(dao.findById("ok").orElseThrow().updatedAt()).isEqualTo(4);

    assertThat(dao.updateStatus("bad", WorkflowStatuses.FAILED, 2)).isTrue();
    assertThat(dao.updateStatus("bad", WorkflowStatuses.SUCCEEDED, 3)).isFalse();
    assertThat(dao.findById("bad").orElseThrow().status()).isEqualTo(WorkflowStatuses.FAILED);
  }

  @DatabaseTest
  void markFailedSetsTheReasonOnlyWhileNotTerminal(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    dao.insert(workflow("running", "e", 1));
    dao.insert(workflow("done", "e", 1));
    dao.updateStatus("running", WorkflowStatuses.RUNNING, 2);
    dao.updateStatus("done", WorkflowStatuses.SUCCEEDED, 2);

    assertThat(dao.markFailed("running", "stopped by user", 3)).isTrue();
    assertThat(dao.markFailed("running", "again", 4)).isFalse();
    assertThat(dao.markFailed("done", "too late", 3)).isFalse();

    WorkflowRow failed = dao.findById("running").orElseThrow();
    assertThat(failed.status()).isEqualTo(WorkflowStatuses.FAILED);
    assertThat(failed.failureReason()).isEqualTo("stopped by user");
    WorkflowRow done = dao.findById("done").orElseThrow();
    assertThat(done.status()).isEqualTo(WorkflowStatuses.SUCCEEDED);
    assertThat(done.failureReason()).isNull();
  }

  @DatabaseTest
  void recordsResultAndFailureReason(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    dao.insert(workflow("w", "e", 1));

    assertThat(
            dao.recordResult(
                "w",
                "{\"rouge_rouge1_mean\":0.5}",
                "{\"model\":\"m\"}",
                "workflows/results/w/compiled.json",
                2))
        .isTrue();
    assertThat(dao.setFailureReason("w", "evaluator failed", 3)).isTrue();
    assertThat(dao.recordResult("missing", "{}", "{}", "k", 4)).isFalse();

    WorkflowRow row = dao.findById("w").orElseThrow();
    assertThat(row.metricsJson()).isEqualTo("{\"rouge_rouge1_mean\":0.5}");
    assertThat(row.parametersJson()).isEqualTo("{\"model\":\"m\"}");
    assertThat(row.compiledKey()).isEqualTo("workflows/results/w/compiled.json");
    assertThat(row.failureReason()).isEqualTo("evaluator failed");
    assertThat(row.updatedAt()).isEqualTo(3);
  }

  @DatabaseTest
  void linksJobsIdempotentlyAndRefusesASecondJobInARole(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    dao.insert(workflow("w", "e", 1));

    assertThat(dao.linkJob("w", WorkflowJobRow.EVALUATOR, "j2")).isTrue();
    assertThat(dao.linkJob("w", WorkflowJobRow.INFERENCE, "j1")).isTrue();
    assertThat(dao.linkJob("w", WorkflowJobRow.INFERENCE, "j1")).isFalse();
    assertThatThrownBy(() -> dao.linkJob("w", WorkflowJobRow.INFERENCE, "other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("j1");

    assertThat(dao.jobsOf("w"))
        .containsExactly(
            new WorkflowJobRow("w", WorkflowJobRow.INFERENCE, "j1"),
            new WorkflowJobRow("w", WorkflowJobRow.EVALUATOR, "j2"));
    assertThat(dao.jobOf("w", WorkflowJobRow.EVALUATOR)).contains("j2");
    assertThat(dao.jobsOf("other")).isEmpty();
    assertThat(dao.workflowOfJob("j1")).contains("w");
    assertThat(dao.workflowOfJob("j2")).contains("w");
    assertThat(dao.workflowOfJob("unlinked")).isEmpty();
  }

  @DatabaseTest
  void deleteRemovesTheWorkflowAndItsLinksOnly(TestDatabase db) {
    WorkflowDao dao = db.dao(WorkflowDao.class);
    dao.insert(workflow("w", "e", 1));
    dao.insert(workflow("keep", "e", 2));
    dao.linkJob("w", WorkflowJobRow.INFERENCE, "j1");
    dao.linkJob("keep", WorkflowJobRow.INFERENCE, "j3");

    assertThat(dao.delete("w")).isTrue();
    assertThat(dao.delete("w")).isFalse();
    assertThat(dao.findById("w")).isEmpty();
    assertThat(dao.jobsOf("w")).isEmpty();
    assertThat(dao.jobsOf("keep")).hasSize(1);
    int links =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT count(*) FROM workflow_jobs").mapTo(int.class).one());
    assertThat(links).isEqualTo(1);
  }

  private static List<String> ids(List<WorkflowRow> rows) {
    return rows.stream().map(WorkflowRow::id).toList();
  }
}
