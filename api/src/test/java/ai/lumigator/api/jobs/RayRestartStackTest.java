package ai.lumigator.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.PrivateStack;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault: the Ray head (a private one) is restarted while a job runs on it. A head restarted without
 * its GCS store forgets its jobs, so the job is lost: the workflow must end {@code failed} with a
 * reason that says so, soon after the head answers again, never wait for ever.
 */
@Tag("stack")
class RayRestartStackTest {
  @TempDir static Path dataDir;
  static PrivateStack ray;
  static ConfigurableApplicationContext worker;
  static JobsApi api;
  static FakeChatServer slow;
  static String namespace;

  @BeforeAll
  static void start() {
    ray = PrivateStack.startNew("ray");
    // a namespace of its own: no other test's worker can take these tasks (stack tests run side
    // by side)
    namespace = TestNamespaces.fresh();
    List<String> properties = new ArrayList<>(ray.properties());
    properties.add("spring.temporal.namespace=" + namespace);
    String[] props = properties.toArray(String[]::new);
    worker = StackWorker.start(dataDir, props);
    api = JobsApi.start(dataDir, props);
    // 32 samples, 16 at a time, 60 s each: the job would run two minutes without the fault
    slow = FakeChatServer.start().latency(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    if (slow != null) slow.close();
    if (api != null) api.close();
    if (worker != null) worker.close();
    if (namespace != null) TestNamespaces.delete(namespace);
    if (ray != null) ray.close();
  }

  @Test
  void aJobLostToARayRestartFailsWithAClearReason() throws Exception {
    S3Storage storage = api.context().getBean(S3Storage.class);
    String dataset =
        TestDatasets.fromFile(
            storage, api.context().getBean(Jdbi.class), SampleData.file("dialogsum_500.csv"));
    String id = api.createInference("ray restart", dataset, 32, slow.baseUrl());
    TemporalOutageStackTest.awaitRayRunning(api.context().getBean(RayJobsClient.class), id);

    long stoppedAt = System.nanoTime();
    Duration stopping = ray.stop("ray");
    Duration starting = ray.start("ray");
    long backAt = System.nanoTime();

    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(2));
    long endedAt = System.nanoTime();
    assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("failed");
    assertThat(job.path("failure_reason").asText())
        .as(job.toString())
        .contains("Ray has no job " + id)
        .contains("was the Ray cluster restarted?");
    assertThat(Duration.ofNanos(endedAt - backAt))
        .as("the lost job is noticed soon after the head answers again")
        .isLessThan(Duration.ofSeconds(30));
    System.out.printf(
        "[fault] ray head restarted during a job (stop %.1f s, start %.1f s): the job failed"
            + " %.1f s after the stop, %.1f s after the head was back%n",
        stopping.toMillis() / 1000.0,
        starting.toMillis() / 1000.0,
        (endedAt - stoppedAt) / 1e9,
        (endedAt - backAt) / 1e9);
  }
}
