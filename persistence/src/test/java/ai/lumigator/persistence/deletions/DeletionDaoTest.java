package ai.lumigator.persistence.deletions;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.experiments.ExperimentRow;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import java.util.List;

/** A delete's mark hides what the deletion removes from every read, and only that. */
class DeletionDaoTest {
  WorkflowDao workflows;
  JobDao jobs;
  DatasetDao datasets;
  ExperimentDao experiments;
  DeletionDao marks;

  /**
   * Experiment e1 (on dataset d0) with workflows w1 (inference i1 → predictions p1, evaluator v1)
   * and w2 (inference i2, its predictions p2 ingested but not linked), and its own job j1 (with
   * dataset g1); experiment e2 with workflow w3 (job i3, dataset p3).
   */
  void fixture(TestDatabase db) {
    workflows = db.dao(WorkflowDao.class);
    jobs = db.dao(JobDao.class);
    datasets = db.dao(DatasetDao.class);
    experiments = db.dao(ExperimentDao.class);
    marks = db.dao(DeletionDao.class);
    experiments.insert(experiment("e1", 1));
    experiments.insert(experiment("e2", 2));
    datasets.insertIfAbsent(dataset("d0", 1, null));
    for (String[] w : new String[][] {{"w1", "e1"}, {"w2", "e1"}, {"w3", "e2"}}) {
      workflows.insert(workflow(w[0], w[1], 3));
    }
    for (String j : List.of("i1", "v1", "i2", "i3")) {
      jobs.insert(job(j, "inference", 4));
    }
    jobs.insert(job("j1", "inference", 4, "e1"));
    workflows.linkJob("w1", WorkflowJobRow.INFERENCE, "i1");
    workflows.linkJob("w1", WorkflowJobRow.EVALUATOR, "v1");
    workflows.linkJob("w2", WorkflowJobRow.INFERENCE, "i2");
    workflows.linkJob("w3", WorkflowJobRow.INFERENCE, "i3");
    datasets.insertIfAbsent(dataset("p1", 5, null));
    jobs.setGeneratedDataset("i1", "p1", 5);
    datasets.insertIfAbsent(dataset("p2", 5, "i2"));
    datasets.insertIfAbsent(dataset("p3", 5, "i3"));
    datasets.insertIfAbsent(dataset("g1", 5, "j1"));
  }

  static ExperimentRow experiment(String id, long at) {
    return new ExperimentRow(id, "x " + id, "", "d0", 10, "{}", at, at);
  }

  static DatasetRow dataset(String id, long at, String runId) {
    return new DatasetRow(
        id,
        "d.csv",
        "job",
        1,
        1,
        "[]",
        "ab",
        false,
        runId,
        runId != null,
        null,
        "datasets/" + id,
        at);
  }

  static WorkflowRow workflow(String id, String experimentId, long at) {
    return new WorkflowRow(
        id,
        experimentId,
        "w",
        "",
        "m",
        "p",
        null,
        "",
        null,
        "{}",
        WorkflowStatuses.CREATED,
        null,
        null,
        null,
        null,
        at,
        at);
  }

  static JobRow job(String id, String type, long at) {
    return job(id, type, at, null);
  }

  static JobRow job(String id, String type, long at, String experimentId) {
    return JobRow.created(id, "j", "", type, "d0", experimentId, "{}", "{}", null, at);
  }

  @DatabaseTest
  void aWorkflowIsHiddenWithItsJobsAndTheirDatasets(TestDatabase db) {
    fixture(db);

    marks.markWorkflowDeleted("w1", 10);
    marks.markWorkflowDeleted("w1", 11); // again: no change

    assertThat(workflows.findById("w1")).isEmpty();
    assertThat(workflows.findAnyById("w1")).isPresent();
    assertThat(workflows.listByExperiment("e1")).extracting(r -> r.id()).containsExactly("w2");
    assertThat(workflows.listAnyByExperiment("e1")).hasSize(2);
    assertThat(jobs.findById("i1")).isEmpty();
    assertThat(jobs.findById("v1")).isEmpty();
    assertThat(jobs.findAnyById("v1")).isPresent();
    assertThat(datasets.findById("p1")).isEmpty();
    assertThat(jobs.count(List.of())).isEqualTo(3);
    assertThat(datasets.count()).isEqualTo(4);
    // the rest stays
    for (String j : List.of("i2", "i3", "j1")) assertThat(jobs.findById(j)).as(j).isPresent();
    for (String d : List.of("d0", "p2", "p3", "g1")) assertThat(datasets.findById(d)).isPresent();
    assertThat(experiments.findById("e1")).isPresent();
  }

  @DatabaseTest
  void anExperimentIsHiddenWithItsWorkflowsJobsAndGeneratedDatasets(TestDatabase db) {
    fixture(db);

    marks.markExperimentDeleted("e1", 10);

    assertThat(experiments.findById("e1")).isEmpty();
    assertThat(experiments.findAnyById("e1")).isPresent();
    assertThat(experiments.list(0, 10)).extracting(r -> r.id()).containsExactly("e2");
    assertThat(experiments.count()).isEqualTo(1);
    assertThat(workflows.listByExperiment("e1")).isEmpty();
    assertThat(jobs.list(List.of(), 0, 10)).extracting(r -> r.id()).containsExactly("i3");
    assertThat(jobs.findByExperiment("e1")).isEmpty();
    assertThat(jobs.findAnyByExperiment("e1")).extracting(r -> r.id()).containsExactly("j1");
    assertThat(datasets.list(0, 10)).extracting(r -> r.id()).containsExactlyInAnyOrder("d0", "p3");
    assertThat(datasets.findByRunId("i2")).isEmpty();
    assertThat(datasets.findAnyByRunId("i2")).hasSize(1);
    assertThat(workflows.findById("w3")).isPresent();
  }

  @DatabaseTest
  void aDatasetAloneIsHidden(TestDatabase db) {
    fixture(db);

    assertThat(marks.markDatasetDeleted("d0", 10)).isTrue();
    assertThat(marks.markDatasetDeleted("d0", 11)).isFalse();

    assertThat(datasets.findById("d0")).isEmpty();
    assertThat(datasets.findAnyById("d0")).isPresent();
    assertThat(experiments.findById("e1")).isPresent();
    assertThat(datasets.count()).isEqualTo(4);
  }
}
