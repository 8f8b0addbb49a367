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
 * Faults (issue 26, cases 4 and 5): the object store (a private S3Proxy, which the private Ray
 * head's job programs use) is down for 35 s while an inference job runs. At the job's start, before
 * it has read its dataset, the program waits the outage out (its reads retry for 2 min) instead of
 * failing 11 s in; mid-job, covering its end, its progress writes are skipped without holding the
 * inference, and its results write waits until the store is back. One outage covers both jobs at
 * once (it is the suite's longest wait). Either way: succeeded, every sample asked once, one Ray
 * submission, the job's progress and results and nothing else in the store.
 */
@Tag("stack")
class S3OutageJobsStackTest {
  static final Duration OUTAGE = Duration.ofSeconds(35);

  @TempDir static Path dataDir;
  static PrivateStack stack;
  static String namespace;
  static ConfigurableApplicationContext worker;
  static JobsApi api;
  static S3Storage storage;
  static String dataset;

  @BeforeAll
  static void start() throws Exception {
    stack = PrivateStack.startNew("s3", "ray");
    namespace = TestNamespaces.fresh();
    List<String> props = new ArrayList<>(stack.properties());
    props.add("spring.temporal.namespace=" + namespace);
    // the private Ray head has one CPU: two jobs run at once if each reserves half of it
    props.add("lumigator.jobs.num-cpus=0.5");
    String[] p = props.toArray(String[]::new);
    worker = StackWorker.start(dataDir, p);
    api = JobsApi.start(dataDir, p);
    storage = api.context().getBean(S3Storage.class);
    dataset =
        TestDatasets.fromFile(
            storage, api.context().getBean(Jdbi.class), SampleData.file("dialogsum_500.csv"));
  }

  @AfterAll
  static void stop() {
    try {
      if (api != null) api.close();
      if (worker != null) worker.close();
      if (namespace != null) TestNamespaces.delete(namespace);
    } finally {
      if (stack != null) stack.close();
    }
  }

  /**
   * One outage serves both cases: a job mid-way when the store goes, and one created while it is
   * gone (it starts, but cannot read its dataset).
   */
  @Test
  void anOutageAtOneJobsStartAndInTheMiddleOfAnotherIsWaitedOutByBoth() throws Exception {
    // mid-job: 32 samples, 16 at a time, 8 s each: 16 s of inference, ending inside the outage
    Duration latency = Duration.ofSeconds(8);
    try (FakeChatServer midModel = FakeChatServer.start().latency(latency);
        FakeChatServer startModel = FakeChatServer.start().latency(Duration.ofMillis(200))) {
      String mid = api.createInference("s3 down mid job", dataset, 32, midModel.baseUrl());
      String progressKey = "jobs/progress/" + mid + ".json";
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!storage.exists(progressKey) && System.nanoTime() < deadline) Thread.sleep(100);
      assertThat(storage.exists(progressKey)).as("the job read its dataset and began").isTrue();

      stack.stop("s3");
      long down = System.nanoTime();
      // without the cache: its lookup (in S3) would wait out the outage before the job reached
      // Ray, and this case is the job program's own wait
      String atStart =
          api.createInference("s3 down at start", dataset, 8, startModel.baseUrl(), false);
      RayJobsClient ray = api.context().getBean(RayJobsClient.class);
      TemporalOutageStackTest.awaitRayRunning(ray, atStart);
      long left = OUTAGE.toNanos() - (System.nanoTime() - down);
      if (left > 0) Thread.sleep(left / 1_000_000); // the fault itself: the store down this long
      assertThat(startModel.requestCount()).as("nothing done while the store was down").isZero();
      stack.start("s3");
      long back = System.nanoTime();

      JsonNode started = api.awaitJob(atStart, JobsApi::terminal, Duration.ofMinutes(3));
      double startedToEnd = (System.nanoTime() - back) / 1e9;
      JsonNode midJob = api.awaitJob(mid, JobsApi::terminal, Duration.ofMinutes(3));
      double midToEnd = (System.nanoTime() - back) / 1e9;

      assertThat(started.path("status").asText()).as(started.toString()).isEqualTo("succeeded");
      assertThat(started.at("/progress/done").asInt()).isEqualTo(8);
      assertThat(startModel.requestCount()).as("every sample asked for once").isEqualTo(8);
      assertOneSubmission(atStart);
      assertThat(ray.logs(atStart).orElseThrow())
          .contains("object store unreachable (read s3://")
          .contains("object store answers again");
      assertOnlyProgressAndResults(atStart);

      assertThat(midJob.path("status").asText()).as(midJob.toString()).isEqualTo("succeeded");
      assertThat(midModel.requestCount()).as("every sample asked for once").isEqualTo(32);
      assertThat(midJob.at("/progress/done").asInt()).isEqualTo(32);
      assertOneSubmission(mid);
      JsonNode results =
          JobsApi.JSON.readTree(storage.getString("jobs/results/" + mid + "/results.json"));
      double inference = results.at("/artifacts/inference_time").asDouble();
      double work = 2 * latency.toSeconds();
      assertThat(inference)
          .as("inference took its work's time: progress writes did not hold it")
          .isLessThan(work + 6);
      assertThat(ray.logs(mid).orElseThrow().split("could not write progress", -1))
          .as("the failing progress writes logged once")
          .hasSize(2);
      assertOnlyProgressAndResults(mid);

      System.out.printf(
          "[fault] s3 down %d s from a job's start: the job %s %.1f s after the store was back%n",
          OUTAGE.toSeconds(), started.path("status").asText(), startedToEnd);
      System.out.printf(
          "[fault] s3 down %d s mid-job: inference %.1f s for %.0f s of work; the job %s %.1f s"
              + " after the store was back%n",
          OUTAGE.toSeconds(), inference, work, midJob.path("status").asText(), midToEnd);
    }
  }

  static void assertOneSubmission(String id) {
    List<RayJobDetails> submissions = api.raySubmissions(id);
    assertThat(submissions).hasSize(1);
    assertThat(submissions.get(0).status().name()).isEqualTo("SUCCEEDED");
    assertThat(WorkerKilledMidJobStackTest.countScheduled(api.history(id), "Submit")).isEqualTo(1);
  }

  static void assertOnlyProgressAndResults(String id) {
    List<String> keys =
        storage.list("").stream()
            .map(ObjectInfo::key)
            .filter(k -> k.contains(id))
            .sorted()
            .toList();
    assertThat(keys)
        .containsExactly("jobs/progress/" + id + ".json", "jobs/results/" + id + "/results.json");
    assertThat(storage.listMultipartUploads("")).isEmpty();
  }
}
