package ai.lumigator.workflows.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.smoke.SmokeRequest;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.smoke.SmokeRunDao;
import ai.lumigator.persistence.smoke.SmokeRunRow;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The spine end to end: real Temporal, real Ray running the jobs jar, real S3, JDBI on SQLite. */
@Tag("stack")
class SmokeWorkflowStackTest {
  @TempDir static Path dataDir;
  static ConfigurableApplicationContext worker;

  @BeforeAll
  static void startWorker() {
    worker = StackWorker.start(dataDir);
  }

  @AfterAll
  static void stopWorker() {
    if (worker != null) worker.close();
  }

  @Test
  void aRealRayJobRunsTheJobsJarBetweenS3AndTheDatabase() throws Exception {
    String runId = UUID.randomUUID().toString();
    WorkflowClient client = worker.getBean(WorkflowClient.class);
    SmokeWorkflow workflow =
        client.newWorkflowStub(
            SmokeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setWorkflowId(WorkflowIds.smoke(runId))
                .build());

    SmokeResult result =
        workflow.run(new SmokeRequest(runId, "Hello from the smoke test: ünïcode ✓"));

    assertThat(result.rayStatus()).isEqualTo("succeeded");
    assertThat(result.output()).isEqualTo("HELLO FROM THE SMOKE TEST: ÜNÏCODE ✓");
    // Ray ran exactly the job we named, and it ended well
    var rayJob = worker.getBean(RayJobsClient.class).get(result.submissionId()).orElseThrow();
    assertThat(rayJob.status()).isEqualTo(RayJobStatus.SUCCEEDED);
    assertThat(rayJob.entrypoint()).contains("java").contains("lumigator-jobs.jar smoke");
    // the output object is in S3 and the row is in the database
    assertThat(worker.getBean(S3Storage.class).getString("smoke/" + runId + "/output.txt"))
        .isEqualTo(result.output());
    SmokeRunRow row =
        worker.getBean(Jdbi.class).onDemand(SmokeRunDao.class).findById(runId).orElseThrow();
    assertThat(row.status()).isEqualTo("succeeded");
    assertThat(row.output()).isEqualTo(result.output());
    assertThat(row.raySubmissionId()).isEqualTo(result.submissionId());

    // keep the history: replay tests run the current workflow code against it
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve("smoke.json"),
        client.fetchHistory(WorkflowIds.smoke(runId)).toJson(true));
  }
}
