package ai.lumigator.api.jobs;

import static ai.lumigator.api.jobs.JobsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: the only worker is a separate JVM (the exec jar), SIGKILLed while it waits on a
 * running Ray job; a new worker takes over. The job still ends succeeded, Ray saw one submission,
 * and the result was recorded once.
 */
@Tag("stack")
class WorkerKilledMidJobStackTest {
  @TempDir static Path dataDir;
  static String namespace;
  static JobsApi api;
  static FakeChatServer slow;
  static final List<Process> workers = new ArrayList<>();

  @BeforeAll
  static void start() {
    namespace = TestNamespaces.fresh();
    api = JobsApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    slow = FakeChatServer.start().latency(Duration.ofMillis(2000));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process p : workers) {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
    }
    if (slow != null) slow.close();
    if (api != null) api.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  /** A worker JVM from the exec jar on the test namespace and this test's SQLite file. */
  static Process worker(String name) throws IOException, InterruptedException {
    Path logs = Path.of("target", "worker-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(name + ".log");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-jar",
                execJar().toString(),
                "--spring.temporal.namespace=" + namespace,
                "--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
                "--lumigator.jobs.jar=" + StackWorker.jobsJar(),
                "--lumigator.secrets.key=" + StackWorker.TEST_SECRET_KEY)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    workers.add(p);
    Instant deadline = Instant.now().plusSeconds(90);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains("Lumigator worker started")) return p;
      if (!p.isAlive()) throw new IllegalStateException(name + " died: " + Files.readString(log));
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready: " + Files.readString(log));
  }

  static Path execJar() throws IOException {
    Path target = Path.of("..", "workflows", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("lumigator-workflows-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no worker exec jar in " + target));
    }
  }

  @Test
  void aJobOutlivesTheWorkerThatWasWaitingOnIt() throws Exception {
    S3Storage storage = api.context().getBean(S3Storage.class);
    Jdbi jdbi = api.context().getBean(Jdbi.class);
    String dataset =
        TestDatasets.fromFile(storage, jdbi, TestDatasets.sharedData("dialogsum_500.csv"));
    Process first = worker("worker-1");

    HttpResponse<String> created =
        api.post(
            "/api/v1/jobs/inference/",
            """
            {"name": "outlives its worker", "dataset": "%s", "max_samples": 64,
             "job_config": {"job_type": "inference", "model": "fake-model",
                            "provider": "hosted_vllm", "base_url": "%s"}}
            """
                .formatted(dataset, slow.baseUrl()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();
    api.awaitJob(id, j -> j.path("status").asText().equals("running"), Duration.ofMinutes(2));

    first.destroyForcibly(); // SIGKILL: no shutdown hook, the await activity is abandoned mid-poll
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    worker("worker-2");

    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.at("/progress/done").asInt()).isEqualTo(64);
    JsonNode result = json(api.get("/api/v1/jobs/" + id + "/result"));
    assertThat(result.at("/artifacts/model").asText()).isEqualTo("fake-model");
    assertThat(slow.requestCount()).as("every sample was asked for once").isEqualTo(64);

    // Ray saw exactly one submission for this job
    List<RayJobDetails> submissions =
        api.context().getBean(RayJobsClient.class).list().stream()
            .filter(
                r ->
                    id.equals(r.submissionId())
                        || id.equals(r.metadata() == null ? null : r.metadata().get("job_id")))
            .toList();
    assertThat(submissions).hasSize(1);

    // the result and the outcome were recorded once; the wait ran on both workers
    List<HistoryEvent> events =
        api.context()
            .getBean(WorkflowClient.class)
            .fetchHistory(WorkflowIds.job(id))
            .getHistory()
            .getEventsList();
    assertThat(countScheduled(events, "SaveResult")).isEqualTo(1);
    assertThat(countScheduled(events, "RecordOutcome")).isEqualTo(1);
    assertThat(countScheduled(events, "Submit")).isEqualTo(1);
    assertThat(
            events.stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
                .count())
        .as("the abandoned wait was retried on the new worker")
        .isPositive();
  }

  static long countScheduled(List<HistoryEvent> events, String activityType) {
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .filter(
            e ->
                e.getActivityTaskScheduledEventAttributes()
                    .getActivityType()
                    .getName()
                    .equals(activityType))
        .count();
  }
}
