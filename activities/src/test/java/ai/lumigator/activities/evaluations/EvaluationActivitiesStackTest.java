package ai.lumigator.activities.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageProperties;
import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.DataSources;
import ai.lumigator.persistence.DatabaseProperties;
import ai.lumigator.persistence.Jdbis;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.persistence.workflows.WorkflowJobRow;
import ai.lumigator.persistence.workflows.WorkflowRow;
import ai.lumigator.persistence.workflows.WorkflowStatuses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation activities against the real S3Proxy and a fresh SQLite database. */
@Tag("stack")
class EvaluationActivitiesStackTest {
  static final StorageProperties S3 =
      StorageProperties.fromEnv(
          System.getenv(),
          StorageProperties.of(
              URI.create("http://127.0.0.1:9000"),
              "us-east-1",
              "lumigator",
              "lumigator",
              "lumigator-local-secret",
              true));

  @TempDir static Path dir;
  static HikariDataSource dataSource;
  static S3Storage storage;
  static WorkflowDao workflows;
  static JobDao jobs;
  static EvaluationActivitiesImpl activities;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    dataSource = DataSources.create(DatabaseProperties.of("jdbc:sqlite:" + dir.resolve("t.db")));
    DatabaseMigrator.migrate(dataSource);
    workflows = Jdbis.create(dataSource).onDemand(WorkflowDao.class);
    jobs = Jdbis.create(dataSource).onDemand(JobDao.class);
    storage = new S3Storage(S3);
    storage.ensureBucket();
    activities = new EvaluationActivitiesImpl(workflows, jobs, storage, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (storage != null) storage.close();
    if (dataSource != null) dataSource.close();
  }

  static String newWorkflow() {
    String id = UUID.randomUUID().toString();
    workflows.insert(
        new WorkflowRow(
            id,
            "experiment",
            "wf",
            "",
            "lead-3",
            "baseline",
            null,
            "Summarise.",
            null,
            "{}",
            WorkflowStatuses.CREATED,
            null,
            null,
            null,
            null,
            1,
            1));
    return id;
  }

  static CreateWorkflowJob job(String workflowId, String role, String jobId) {
    return new CreateWorkflowJob(
        workflowId,
        role,
        jobId,
        "wf-" + role,
        "",
        role,
        "dataset",
        "experiment",
        "{\"name\":\"wf-" + role + "/" + jobId + "\"}",
        "{\"name\":\"wf-" + role + "\"}",
        null);
  }

  @Test
  void createJobInsertsTheRowAndLinkOnceHoweverOftenItRuns() {
    String wf = newWorkflow();
    String jobId = UUID.randomUUID().toString();

    activities.createJob(job(wf, WorkflowJobRow.INFERENCE, jobId));
    activities.createJob(job(wf, WorkflowJobRow.INFERENCE, jobId));

    JobRow row = jobs.findById(jobId).orElseThrow();
    assertThat(row.status()).isEqualTo("created");
    assertThat(row.experimentId()).isEqualTo("experiment");
    assertThat(row.name()).isEqualTo("wf-inference");
    assertThat(workflows.jobOf(wf, WorkflowJobRow.INFERENCE)).contains(jobId);
    assertThat(workflows.workflowOfJob(jobId)).contains(wf);

    assertThatThrownBy(
            () ->
                activities.createJob(
                    job(wf, WorkflowJobRow.INFERENCE, UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
  }

  @Test
  void createJobOfADeletedWorkflowFailsWithoutRetryAndCreatesNothing() {
    String jobId = UUID.randomUUID().toString();
    assertThatThrownBy(() -> activities.createJob(job("gone", WorkflowJobRow.INFERENCE, jobId)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("gone no longer exists");
            });
    assertThat(jobs.findById(jobId)).isEmpty();
  }

  @Test
  void compileWritesCompiledJsonAndRecordsFlatMetricsAndParameters() throws Exception {
    String wf = newWorkflow();
    storage.putString("test/" + wf + "/inference.json", CompiledResultsTest.INFERENCE);
    storage.putString("test/" + wf + "/evaluator.json", CompiledResultsTest.EVALUATOR);

    CompiledEvaluation compiled =
        activities.compile(
            new CompileEvaluation(
                wf,
                "i",
                "test/" + wf + "/inference.json",
                "e",
                "test/" + wf + "/evaluator.json",
                "p",
                false));

    assertThat(compiled.compiledKey()).isEqualTo("workflows/results/" + wf + "/compiled.json");
    assertThat(compiled.metricCount()).isEqualTo(2);
    JsonNode stored = json.readTree(storage.getString(compiled.compiledKey()));
    assertThat(stored.at("/artifacts/inference_time").asDouble()).isEqualTo(1.23456);
    assertThat(stored.at("/artifacts/evaluation_time").asDouble()).isEqualTo(0.0625);
    assertThat(stored.at("/metrics/rouge/rouge1/0").asDouble()).isEqualTo(0.5);
    WorkflowRow row = workflows.findById(wf).orElseThrow();
    assertThat(json.readTree(row.metricsJson()))
        .isEqualTo(json.readTree("{\"avg_prompt_tokens\": 10.0, \"rouge_rouge1_mean\": 0.5}"));
    assertThat(json.readTree(row.parametersJson()).path("inference_time").asDouble())
        .isEqualTo(1.235);
    assertThat(row.compiledKey()).isEqualTo(compiled.compiledKey());
    assertThat(row.status()).isEqualTo(WorkflowStatuses.CREATED);

    // a retry rewrites the same object and values; asked to, it records the workflow succeeded
    activities.compile(
        new CompileEvaluation(
            wf,
            "i",
            "test/" + wf + "/inference.json",
            "e",
            "test/" + wf + "/evaluator.json",
            "p",
            true));
    assertThat(json.readTree(storage.getString(compiled.compiledKey()))).isEqualTo(stored);
    assertThat(workflows.findById(wf).orElseThrow().status()).isEqualTo(WorkflowStatuses.SUCCEEDED);
    storage.deletePrefix("test/" + wf + "/");
    storage.deletePrefix(EvaluationKeys.root(wf));
  }

  @Test
  void compileWithoutResultsFailsWithoutRetryNamingTheJob() {
    String wf = newWorkflow();
    storage.putString("test/" + wf + "/inference.json", CompiledResultsTest.INFERENCE);

    assertThatThrownBy(
            () ->
                activities.compile(
                    new CompileEvaluation(
                        wf,
                        "i",
                        "test/" + wf + "/inference.json",
                        "e",
                        "test/" + wf + "/missing.json",
                        "p",
                        true)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .isEqualTo("Job e wrote no results at test/" + wf + "/missing.json");
            });
    assertThat(storage.exists(EvaluationKeys.compiled(wf))).isFalse();
    assertThat(workflows.findById(wf).orElseThrow().status())
        .as("a failed compile never records the workflow succeeded")
        .isEqualTo(WorkflowStatuses.CREATED);
    storage.deletePrefix("test/" + wf + "/");
  }

  @Test
  void statusMovesCreatedRunningThenEndsOnceWithAReasonWhenFailed() {
    String ok = newWorkflow();
    activities.markRunning(new WorkflowRef(ok));
    assertThat(workflows.findById(ok).orElseThrow().status()).isEqualTo("running");
    activities.markSucceeded(new WorkflowRef(ok));
    activities.markFailed(new WorkflowFailure(ok, "too late"));
    activities.markRunning(new WorkflowRef(ok));
    WorkflowRow done = workflows.findById(ok).orElseThrow();
    assertThat(done.status()).isEqualTo("succeeded");
    assertThat(done.failureReason()).isNull();

    String bad = newWorkflow();
    activities.markRunning(new WorkflowRef(bad));
    activities.markFailed(new WorkflowFailure(bad, "stopped by user"));
    activities.markFailed(new WorkflowFailure(bad, "again"));
    activities.markSucceeded(new WorkflowRef(bad));
    WorkflowRow failed = workflows.findById(bad).orElseThrow();
    assertThat(failed.status()).isEqualTo("failed");
    assertThat(failed.failureReason()).isEqualTo("stopped by user");

    // a deleted workflow: nothing to record, nothing to fail on
    activities.markFailed(new WorkflowFailure("gone", "x"));
    activities.markSucceeded(new WorkflowRef("gone"));
  }
}
