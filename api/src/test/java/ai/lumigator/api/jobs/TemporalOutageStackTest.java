package ai.lumigator.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.PrivateStack;
import ai.lumigator.workflows.testing.StackWorker;
import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault: Temporal (a private dev server; its database file persists) is down for much longer than
 * the wait's heartbeat timeout while the Ray job runs. The SDK then fails the wait's heartbeat
 * locally; that must not stop the healthy Ray job: the wait resumes once Temporal is back and the
 * job succeeds, with one Ray submission.
 */
@Tag("stack")
class TemporalOutageStackTest {
  static final Duration OUTAGE = Duration.ofSeconds(35);

  @TempDir static Path dataDir;
  static PrivateStack temporal;
  static ConfigurableApplicationContext worker;
  static JobsApi api;
  static FakeChatServer slow;

  @BeforeAll
  static void start() {
    temporal = PrivateStack.startNew("temporal");
    String[] props = temporal.properties().toArray(String[]::new);
    worker = StackWorker.start(dataDir, props);
    api = JobsApi.start(dataDir, props);
    // 32 samples, 16 at a time, 30 s each: the job runs about a minute, outlasting the outage
    slow = FakeChatServer.start().latency(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (slow != null) slow.close();
    if (api != null) api.close();
    if (worker != null) worker.close();
    if (temporal != null) temporal.close();
  }

  @Test
  void aTemporalOutageLongerThanTheHeartbeatTimeoutLeavesTheRayJobRunning() throws Exception {
    S3Storage storage = api.context().getBean(S3Storage.class);
    String dataset =
        TestDatasets.fromFile(
            storage, api.context().getBean(Jdbi.class), SampleData.file("dialogsum_500.csv"));
    String id = api.createInference("temporal outage", dataset, 32, slow.baseUrl());
    RayJobsClient ray = api.context().getBean(RayJobsClient.class);
    awaitRayRunning(ray, id);

    temporal.stop("temporal");
    Thread.sleep(OUTAGE.toMillis()); // the fault itself: Temporal down for this long
    temporal.start("temporal");
    long back = System.nanoTime();
    long backAt = System.currentTimeMillis();

    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(4));
    Duration toEnd = Duration.ofNanos(System.nanoTime() - back);
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
    assertThat(job.at("/progress/done").asInt()).isEqualTo(32);
    assertThat(slow.requestCount()).as("every sample asked for once").isEqualTo(32);

    List<RayJobDetails> submissions = api.raySubmissions(id);
    assertThat(submissions).hasSize(1);
    assertThat(submissions.get(0).status().name()).isEqualTo("SUCCEEDED");

    List<HistoryEvent> events = api.history(id);
    assertThat(WorkerKilledMidJobStackTest.countScheduled(events, "Submit")).isEqualTo(1);
    assertThat(WorkerKilledMidJobStackTest.countScheduled(events, "SaveResult")).isEqualTo(1);
    List<HistoryEvent> retried =
        events.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
            .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > 1)
            .toList();
    assertThat(retried)
        .as("the wait whose heartbeats were lost was resumed by a retry")
        .isNotEmpty();
    var startedAt = retried.get(0).getEventTime();
    long resumedAt = startedAt.getSeconds() * 1000 + startedAt.getNanos() / 1_000_000;
    System.out.printf(
        "[fault] temporal down %d s during a Ray job: the wait resumed %.1f s after Temporal was"
            + " back; the job %s %.1f s after%n",
        OUTAGE.toSeconds(),
        (resumedAt - backAt) / 1000.0,
        job.path("status").asText(),
        toEnd.toMillis() / 1000.0);

    // what the job left in the store: its results and its progress, nothing half-written
    List<String> keys =
        storage.list("jobs/").stream()
            .map(ObjectInfo::key)
            .filter(k -> k.contains(id))
            .sorted()
            .toList();
    assertThat(keys)
        .containsExactly("jobs/progress/" + id + ".json", "jobs/results/" + id + "/results.json");
  }

  static void awaitRayRunning(RayJobsClient ray, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      var job = ray.get(id);
      if (job.isPresent() && job.get().status().name().equals("RUNNING")) return;
      Thread.sleep(250);
    }
    throw new AssertionError("Ray job " + id + " not running within 2 min");
  }
}
