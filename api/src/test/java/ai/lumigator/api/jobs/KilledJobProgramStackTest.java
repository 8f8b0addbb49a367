package ai.lumigator.api.jobs;

import static ai.lumigator.api.jobs.JobsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault (issue 18, resumable inference): the job program of an inference job is SIGKILLed (by pid)
 * once it has kept its first chunk of samples in S3. Ray ends the job failed with the killed
 * process's exit code; the workflow resubmits it as {@code <job id>-retry-1}, whose program resumes
 * from the chunk: the provider is asked only for the samples not in it, and the job succeeds with
 * results of a full run's shape.
 */
@Tag("stack")
class KilledJobProgramStackTest {
  static final int SAMPLES = 32;

  @TempDir static Path dataDir;
  static String namespace;
  static ConfigurableApplicationContext worker;
  static JobsApi api;
  static S3Storage storage;
  static String dataset;

  @BeforeAll
  static void start() throws Exception {
    namespace = TestNamespaces.fresh();
    worker = StackWorker.start(dataDir, "spring.temporal.namespace=" + namespace);
    api = JobsApi.start(dataDir, "spring.temporal.namespace=" + namespace);
    storage = worker.getBean(S3Storage.class);
    dataset =
        TestDatasets.fromFile(
            storage, worker.getBean(Jdbi.class), SampleData.file("dialogsum_500.csv"));
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
    if (worker != null) worker.close();
    if (namespace != null) TestNamespaces.delete(namespace);
  }

  @Test
  void aKilledInferenceJobIsRetriedAndAsksTheProviderOnlyForTheSamplesNotInItsChunks()
      throws Exception {
    // 16 requests at a time (the default concurrency): the first 16 take 1 s, so the first chunk
    // (samples 0-15) is kept after ~1 s; the next 16 take a minute, so the program is surely
    // mid-job when it is killed (with 2 s for all, it had once ended in the moment between the
    // chunk showing and the kill); the retry's requests are quick
    AtomicInteger asked = new AtomicInteger();
    try (FakeChatServer model =
        FakeChatServer.start()
            .latency(
                prompt -> {
                  int n = asked.incrementAndGet();
                  if (n <= 16) return Duration.ofSeconds(1);
                  return n <= SAMPLES ? Duration.ofMinutes(1) : Duration.ofMillis(200);
                })) {
      String id = api.createInference("killed mid job", dataset, SAMPLES, model.baseUrl());
      String chunks = "jobs/results/" + id + "/chunks/";
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      // a whole chunk, not a listing entry of one being written (S3Proxy's filesystem backend)
      while (samplesIn(storage.list(chunks)) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long pid = jobProgramPid(id).orElseThrow(() -> new AssertionError("no job program of " + id));
      ProcessHandle program = ProcessHandle.of(pid).orElseThrow();
      program.destroyForcibly(); // SIGKILL
      long killedAt = System.nanoTime();
      int requestsAtKill = model.requestCount();
      program.onExit().get();
      int inChunks = samplesIn(storage.list(chunks));
      assertThat(inChunks).as("the chunks kept before the kill").isPositive().isLessThan(SAMPLES);

      JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(2));
      double killToEnd = (System.nanoTime() - killedAt) / 1e9;
      assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
      int afterKill = model.requestCount() - requestsAtKill;
      assertThat(afterKill)
          .as("the retry asked only for the samples not in a chunk")
          .isEqualTo(SAMPLES - inChunks);
      assertThat(model.requestCount()).isLessThanOrEqualTo(SAMPLES + requestsAtKill - inChunks);
      assertThat(job.at("/progress/done").asInt()).isEqualTo(SAMPLES);

      List<RayJobDetails> submissions =
          api.raySubmissions(id).stream()
              .sorted(Comparator.comparing(RayJobDetails::submissionId))
              .toList();
      assertThat(submissions)
          .extracting(RayJobDetails::submissionId)
          .containsExactly(id, id + "-retry-1");
      assertThat(submissions.get(0).status().name()).isEqualTo("FAILED");
      assertThat(submissions.get(1).status().name()).isEqualTo("SUCCEEDED");
      assertThat(job.path("submission_id").asText()).isEqualTo(id + "-retry-1");
      assertThat(json(api.get("/api/v1/jobs/" + id + "/logs")).path("logs").asText())
          .contains("resuming from " + inChunks + " of " + SAMPLES + " samples");

      // a full run's results: every sample's prediction, usage and latency, in input order
      JsonNode results =
          JobsApi.JSON.readTree(storage.getString("jobs/results/" + id + "/results.json"));
      JsonNode artifacts = results.path("artifacts");
      assertThat(artifacts.path("predictions")).hasSize(SAMPLES);
      for (int i = 0; i < SAMPLES; i++) {
        assertThat(artifacts.at("/predictions/" + i).asText())
            .isEqualTo("pred: " + artifacts.at("/examples/" + i).asText());
        assertThat(artifacts.at("/inference_metrics/" + i + "/total_tokens").asLong()).isPositive();
        // each sample's latency is its answer's: 1 s for the chunk's, 200 ms for the retry's
        assertThat(artifacts.at("/latency_ms/" + i).asDouble())
            .isGreaterThanOrEqualTo(i < 16 ? 1000 : 200);
      }
      assertThat(results.path("metrics").has("total_tokens")).isTrue();
      assertThat(results.path("metrics").has("latency_p95_ms")).isTrue();
      assertThat(storage.list(chunks)).as("chunks removed once results.json was written").isEmpty();

      System.out.printf(
          "[fault] inference job program killed with %d of %d samples in chunks (%d requests"
              + " made): retried as %s-retry-1, %d more requests, succeeded %.1f s after the"
              + " kill%n",
          inChunks, SAMPLES, requestsAtKill, "<job id>", afterKill, killToEnd);
    }
  }

  /** The pid of the java process whose command line names the job (its config holds the id). */
  static Optional<Long> jobProgramPid(String jobId) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> isJobProgram(p, jobId))
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    }
  }

  private static boolean isJobProgram(Path proc, String jobId) {
    try {
      String[] argv =
          new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
              .split("\0");
      return argv.length > 0
          && (argv[0].equals("java") || argv[0].endsWith("/java"))
          && String.join(" ", argv).contains(jobId)
          && String.join(" ", argv).contains("lumigator-jobs.jar");
    } catch (IOException e) {
      return false; // gone meanwhile, or not ours to read
    }
  }

  private static int samplesIn(List<ObjectInfo> chunks) {
    int n = 0;
    for (ObjectInfo c : chunks) {
      String name = c.key().substring(c.key().lastIndexOf('/') + 1);
      if (!name.matches("\\d+-\\d+\\.json") || c.size() == 0) continue;
      String[] range = name.replace(".json", "").split("-");
      n += Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
    }
    return n;
  }
}
