package ai.lumigator.api.jobs;

import static ai.lumigator.api.jobs.JobsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.WorkerProcess;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  static final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeAll
  static void start() {
    namespace = TestNamespaces.fresh();
    api = JobsApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    slow = FakeChatServer.start().latency(Duration.ofMillis(2000));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (WorkerProcess w : workers) w.close();
    if (slow != null) slow.close();
    if (api != null) api.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  /** A worker JVM from the exec jar on the test namespace and SQLite file; waits until ready. */
  static WorkerProcess worker(String name) throws IOException, InterruptedException {
    WorkerProcess worker =
        WorkerProcess.startReady(
            name,
            namespace,
            "jdbc:sqlite:" + dataDir.resolve("lumigator.db"),
            Path.of("target", "worker-logs"),
            List.of("-Xmx384m", "-XX:+UseSerialGC"),
            Map.of());
    workers.add(worker);
    return worker;
  }

  @Test
  void aJobOutlivesTheWorkerThatWasWaitingOnIt() throws Exception {
    S3Storage storage = api.context().getBean(S3Storage.class);
    Jdbi jdbi = api.context().getBean(Jdbi.class);
    String dataset = TestDatasets.fromFile(storage, jdbi, SampleData.file("dialogsum_500.csv"));
    WorkerProcess first = worker("worker-1");

    String id = api.createInference("outlives its worker", dataset, 64, slow.baseUrl());
    api.awaitJob(id, j -> j.path("status").asText().equals("running"), Duration.ofMinutes(2));

    first.kill(); // SIGKILL: no shutdown hook, the await activity is abandoned mid-poll
    assertThat(first.isAlive()).as("dead within 30 s of SIGKILL").isFalse();
    worker("worker-2");

    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(3));
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.at("/progress/done").asInt()).isEqualTo(64);
    JsonNode result = json(api.get("/api/v1/jobs/" + id + "/result"));
    assertThat(result.at("/artifacts/model").asText()).isEqualTo("fake-model");
    assertThat(slow.requestCount()).as("every sample was asked for once").isEqualTo(64);

    // Ray saw exactly one submission for this job
    List<RayJobDetails> submissions = api.raySubmissions(id);
    assertThat(submissions).hasSize(1);

    // the result and the outcome were recorded once; the wait ran on both workers
    List<HistoryEvent> events = api.history(id);
    assertThat(countScheduled(events, "SaveResult")).isEqualTo(1);
    assertThat(countLocalActivities(events, "RecordOutcome")).isEqualTo(1);
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

  /** Local activities leave a marker in the history, its "type" detail naming the activity. */
  static long countLocalActivities(List<HistoryEvent> events, String activityType) {
    return events.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED)
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().get("type"))
        .filter(
            type ->
                type != null
                    && type.getPayloadsCount() > 0
                    && type.getPayloads(0)
                        .getData()
                        .toStringUtf8()
                        .equals("\"" + activityType + "\""))
        .count();
  }
}
