package ai.lumigator.api.workflows;

import static ai.lumigator.api.workflows.EvaluationsHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobStatus;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.api.ApiApplication;
import ai.lumigator.api.testing.WorkerProcess;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Durability of a whole workflow: the API runs here without a worker; the only worker is a separate
 * JVM (the exec jar), SIGKILLed while the inference job runs on Ray; a new worker JVM takes over.
 * The workflow still succeeds, and Ray saw exactly one submission per job.
 */
@Tag("stack")
class WorkflowOutlivesItsWorkerStackTest {
  static final int SAMPLES = 30;

  @TempDir static Path dataDir;
  static String namespace;
  static ConfigurableApplicationContext apiContext;
  static EvaluationsHttp api;
  static FakeChatServer slow;
  static final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeAll
  static void start() {
    namespace = TestNamespaces.fresh();
    apiContext =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=0",
                "--spring.temporal.namespace=" + namespace,
                "--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
                "--lumigator.secrets.key=" + StackWorker.TEST_SECRET_KEY);
    int port = ((WebServerApplicationContext) apiContext).getWebServer().getPort();
    api = new EvaluationsHttp(path -> URI.create("http://127.0.0.1:" + port + path));
    slow = FakeChatServer.start().latency(Duration.ofMillis(1000));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (WorkerProcess w : workers) w.close();
    if (slow != null) slow.close();
    if (apiContext != null) apiContext.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  /** A worker JVM from the exec jar on this test's namespace and SQLite file; waits until ready. */
  static WorkerProcess worker(String name) throws IOException, InterruptedException {
    WorkerProcess worker =
        WorkerProcess.startReady(
            name + "-" + namespace,
            namespace,
            "jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
            Path.of("target", "worker-logs"),
            List.of("-Xmx384m", "-XX:+UseSerialGC"),
            Map.of());
    workers.add(worker);
    return worker;
  }

  @Test
  void aWorkflowSucceedsThoughItsWorkerWasKilledWhileTheInferenceJobRan() throws Exception {
    WorkerProcess first = worker("worker-1");
    String dataset = api.uploadDataset(SampleData.file("dialogsum_500.csv"));
    String experiment =
        api.createExperiment("outlives its worker", dataset, "\"max_samples\": " + SAMPLES);
    String id =
        api.createWorkflow(
            """
            {"name": "survivor", "experiment_id": "%s", "model": "fake-model",
             "provider": "hosted_vllm", "base_url": "%s"}
            """
                .formatted(experiment, slow.baseUrl()));
    RayJobsClient ray = apiContext.getBean(RayJobsClient.class);
    String inferenceJob = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (inferenceJob == null && Instant.now().isBefore(deadline)) {
      JsonNode w = json(api.get("/api/v1/workflows/" + id));
      if (w.path("jobs").size() > 0) {
        String jobId = w.at("/jobs/0/id").asText();
        if (ray.get(jobId).map(j -> j.status() == RayJobStatus.RUNNING).orElse(false)) {
          inferenceJob = jobId;
        }
      }
      if (inferenceJob == null) Thread.sleep(200);
    }
    assertThat(inferenceJob).as("the inference job ran on Ray").isNotNull();

    first.kill(); // SIGKILL: no shutdown hook; the wait on Ray is abandoned mid-poll
    assertThat(first.isAlive()).as("dead within 30 s of SIGKILL").isFalse();
    assertThat(ray.get(inferenceJob).orElseThrow().status())
        .as("killing the worker does not touch the Ray job")
        .isIn(RayJobStatus.RUNNING, RayJobStatus.SUCCEEDED);
    worker("worker-2");

    JsonNode w = api.awaitWorkflow(id, EvaluationsHttp::ended, Duration.ofMinutes(4));
    assertThat(w.path("status").asText()).as(w.toString()).isEqualTo("succeeded");
    assertThat(w.path("metrics").path("rouge_rouge1_mean").isNumber()).isTrue();
    assertThat(w.path("jobs").size()).isEqualTo(2);
    assertThat(slow.requestCount()).as("every sample was asked for once").isEqualTo(SAMPLES);

    for (JsonNode job : w.path("jobs")) {
      String jobId = job.path("id").asText();
      assertThat(job.path("status").asText()).isEqualTo("succeeded");
      List<RayJobDetails> submissions =
          ray.list().stream()
              .filter(
                  r ->
                      jobId.equals(r.submissionId())
                          || jobId.equals(r.metadata() == null ? null : r.metadata().get("job_id")))
              .toList();
      assertThat(submissions).as("Ray submissions of job " + jobId).hasSize(1);
    }
  }
}
