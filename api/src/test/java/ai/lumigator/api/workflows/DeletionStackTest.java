package ai.lumigator.api.workflows;

import static ai.lumigator.api.workflows.EvaluationsHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.workflows.WorkflowDao;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.deletions.DeletionResult;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delete answered at once (LUMIGATOR_DELETE_WAIT=0s): everything it removes is gone for every
 * reader from the answer on, while its deletion workflow (delete-{id}) stops the running job and
 * then removes the objects and rows; a repeated delete is a 404 that starts nothing.
 */
@Tag("stack")
class DeletionStackTest {
  @TempDir static Path dataDir;
  static StackApi stack;
  static EvaluationsHttp api;
  static FakeChatServer slow;
  static Jdbi jdbi;
  static S3Storage storage;
  static RayJobsClient ray;
  static WorkflowClient client;
  static String namespace;

  @BeforeAll
  static void start() {
    namespace = TestNamespaces.fresh();
    stack =
        StackApi.start(
            dataDir,
            "spring.temporal.namespace=" + namespace,
            "lumigator.api.deletions.request-wait=0s");
    api = new EvaluationsHttp(stack::uri);
    jdbi = stack.worker().getBean(Jdbi.class);
    storage = stack.worker().getBean(S3Storage.class);
    ray = stack.worker().getBean(RayJobsClient.class);
    client = stack.worker().getBean(WorkflowClient.class);
    slow = FakeChatServer.start().latency(Duration.ofMillis(1500));
  }

  @AfterAll
  static void stop() {
    if (slow != null) slow.close();
    if (stack != null) stack.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  @Test
  void anExperimentIsGoneAtOnceAndItsRunningJobIsStoppedAfterTheAnswer() throws Exception {
    String dataset = api.uploadDataset(SampleData.file("dialogsum_500.csv"));
    String experiment = api.createExperiment("deleted at once", dataset, "");
    String workflow =
        api.createWorkflow(
            """
            {"name": "running", "experiment_id": "%s", "model": "fake-model",
             "provider": "hosted_vllm", "base_url": "%s", "job_timeout_sec": 3600}
            """
                .formatted(experiment, slow.baseUrl()));
    String job = awaitRayRunning(workflow);

    long t0 = System.nanoTime();
    HttpResponse<String> deleted = api.delete("/api/v1/experiments/" + experiment);
    double answered = (System.nanoTime() - t0) / 1e9;
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);

    // from the answer on, no reader sees any of it
    assertThat(api.get("/api/v1/experiments/" + experiment).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/workflows/" + workflow).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/jobs/" + job).statusCode()).isEqualTo(404);
    assertThat(json(api.get("/api/v1/experiments/")).toString()).doesNotContain(experiment);
    assertThat(json(api.get("/api/v1/jobs/")).toString()).doesNotContain(job);
    assertThat(api.delete("/api/v1/experiments/" + experiment).statusCode()).isEqualTo(404);

    // the deletion workflow stops the job, then removes the objects and the rows
    DeletionResult result =
        client
            .newUntypedWorkflowStub(WorkflowIds.deletion(experiment))
            .getResult(2, TimeUnit.MINUTES, DeletionResult.class);
    System.out.printf(
        "[deletion] experiment with a running job: answered in %.2f s, deleted in %.1f s%n",
        answered, (System.nanoTime() - t0) / 1e9);
    assertThat(result.workflows()).isEqualTo(1);
    assertThat(result.jobs()).isEqualTo(1);
    assertThat(awaitRay(job, RayJobStatus.STOPPED)).isEqualTo(RayJobStatus.STOPPED);
    assertThat(jdbi.onDemand(ExperimentDao.class).findAnyById(experiment)).isEmpty();
    assertThat(jdbi.onDemand(WorkflowDao.class).findAnyById(workflow)).isEmpty();
    assertThat(jdbi.onDemand(WorkflowDao.class).jobsOf(workflow)).isEmpty();
    assertThat(jdbi.onDemand(JobDao.class).findAnyById(job)).isEmpty();
    assertThat(storage.list("jobs/progress/" + job)).isEmpty();
    assertThat(storage.list("workflows/results/" + workflow + "/")).isEmpty();
    assertThat(api.get("/api/v1/datasets/" + dataset).statusCode()).isEqualTo(200);

    // a real deletion's history, for DeletionWorkflowReplayTest
    Path histories = Path.of("target", "histories");
    Files.createDirectories(histories);
    Files.writeString(
        histories.resolve("deletion-experiment-running.json"),
        client.fetchHistory(WorkflowIds.deletion(experiment)).toJson(true));
  }

  @Test
  void aDatasetIsGoneAtOnceAndItsObjectsSoonAfter() throws Exception {
    String dataset = api.uploadDataset(SampleData.file("dialogsum_exc.csv"));
    assertThat(storage.list("datasets/" + dataset + "/")).isNotEmpty();

    assertThat(api.delete("/api/v1/datasets/" + dataset).statusCode()).isEqualTo(204);
    assertThat(api.get("/api/v1/datasets/" + dataset).statusCode()).isEqualTo(404);
    assertThat(json(api.get("/api/v1/datasets/")).toString()).doesNotContain(dataset);

    client
        .newUntypedWorkflowStub(WorkflowIds.deletion(dataset))
        .getResult(1, TimeUnit.MINUTES, DeletionResult.class);
    assertThat(storage.list("datasets/" + dataset + "/")).isEmpty();
    assertThat(jdbi.onDemand(DatasetDao.class).findAnyById(dataset)).isEmpty();
    assertThat(api.delete("/api/v1/datasets/" + dataset).statusCode()).isEqualTo(404);
  }

  /** Ray's status of a job once it is {@code expected}, or the last one seen after a minute. */
  static RayJobStatus awaitRay(String jobId, RayJobStatus expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    RayJobStatus last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ray.get(jobId).orElseThrow().status();
      if (last == expected) return last;
      Thread.sleep(250);
    }
    return last;
  }

  /** Waits until the workflow's inference job runs on Ray; returns the job id. */
  static String awaitRayRunning(String workflowId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      JsonNode w = json(api.get("/api/v1/workflows/" + workflowId));
      if (w.path("jobs").size() > 0) {
        String jobId = w.at("/jobs/0/id").asText();
        var job = ray.get(jobId);
        if (job.isPresent() && job.get().status() == RayJobStatus.RUNNING) return jobId;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the inference job of " + workflowId + " never ran on Ray");
  }
}
