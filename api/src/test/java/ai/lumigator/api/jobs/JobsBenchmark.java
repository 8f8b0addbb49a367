package ai.lumigator.api.jobs;

import static ai.lumigator.api.jobs.JobsApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.jobs.testing.SampleData;
import ai.lumigator.workflows.testing.StackWorker;
import ai.lumigator.workflows.testing.TestNamespaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Job benchmarks on the real local stack (run by bench/jobs/run.sh; not a test: surefire does not
 * pick up *Benchmark classes by itself). Prints lines starting with {@code BENCH}.
 */
@Tag("stack")
class JobsBenchmark {
  @TempDir Path dataDir;

  @Test
  void figures() throws Exception {
    String namespace = TestNamespaces.fresh();
    ConfigurableApplicationContext worker =
        StackWorker.start(dataDir, "spring.temporal.namespace=" + namespace);
    try (JobsApi api = JobsApi.start(dataDir, "spring.temporal.namespace=" + namespace);
        FakeChatServer fake = FakeChatServer.start().latency(Duration.ofMillis(100))) {
      S3Storage storage = worker.getBean(S3Storage.class);
      Jdbi jdbi = worker.getBean(Jdbi.class);
      RayJobsClient ray = worker.getBean(RayJobsClient.class);
      throughput(api, storage, jdbi, fake);
      submitLatency(api, storage, jdbi, ray);
    } finally {
      worker.close();
      TestNamespaces.delete(namespace);
    }
  }

  /** 1,000 samples at 100 ms each, 16 in flight: ideal 1000 × 0.1 / 16 = 6.25 s. */
  void throughput(JobsApi api, S3Storage storage, Jdbi jdbi, FakeChatServer fake) throws Exception {
    String source = Files.readString(SampleData.file("dialogsum_500.csv"));
    String body = source.substring(source.indexOf('\n') + 1);
    String thousand = source + (body.endsWith("\n") ? body : body + "\n");
    String dataset = TestDatasets.fromCsv(storage, jdbi, "dialogsum_1000.csv", thousand);
    HttpResponse<String> created =
        api.post(
            "/api/v1/jobs/inference/",
            """
            {"name": "bench-1000", "dataset": "%s",
             "job_config": {"job_type": "inference", "model": "fake", "provider": "hosted_vllm",
                            "base_url": "%s"}}
            """
                .formatted(dataset, fake.baseUrl()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).path("id").asText();
    JsonNode job = api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(5));
    assertThat(job.path("status").asText()).isEqualTo("succeeded");
    String url =
        json(api.get("/api/v1/jobs/" + id + "/result/download")).path("download_url").asText();
    JsonNode results = json(api.send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    int samples = results.at("/artifacts/predictions").size();
    double inference = results.at("/artifacts/inference_time").asDouble();
    double rayRun = (job.path("end_time").asLong() - job.path("start_time").asLong()) / 1000.0;
    double ideal = samples * 0.1 / 16;
    System.out.printf(
        "BENCH throughput: %d samples, 100 ms latency, 16 in flight (max seen %d): inference %.2f s"
            + " = %.3f x ideal %.2f s (limit 1.2x); whole Ray job incl. JVM start %.2f s = %.3f x%n",
        samples, fake.maxInFlight(), inference, inference / ideal, ideal, rayRun, rayRun / ideal);
    assertThat(samples).isEqualTo(1000);
  }

  /**
   * POST /jobs/inference/ → Ray has the submission (its start_time), median over 20 jobs; the same
   * job each time, so the cache is off (a hit never reaches Ray).
   */
  void submitLatency(JobsApi api, S3Storage storage, Jdbi jdbi, RayJobsClient ray)
      throws Exception {
    String dataset = TestDatasets.fromFile(storage, jdbi, SampleData.file("dialogsum_exc.csv"));
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      long posted = System.currentTimeMillis();
      HttpResponse<String> created =
          api.post(
              "/api/v1/jobs/inference/",
              """
              {"name": "bench-latency", "dataset": "%s",
               "job_config": {"job_type": "inference", "model": "lead-3", "provider": "baseline",
                              "use_cache": false}}
              """
                  .formatted(dataset));
      assertThat(created.statusCode()).isEqualTo(201);
      String id = json(created).path("id").asText();
      Instant deadline = Instant.now().plusSeconds(60);
      Optional<RayJobDetails> seen = Optional.empty();
      while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
        seen = ray.get(id);
        if (seen.isEmpty()) Thread.sleep(5);
      }
      long submittedAt = seen.orElseThrow().startTime();
      latencies.add(submittedAt - posted);
      api.awaitJob(id, JobsApi::terminal, Duration.ofMinutes(2));
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    double median = (sorted.get(9) + sorted.get(10)) / 2.0;
    System.out.printf(
        "BENCH submit latency (POST -> Ray start_time) over 20 jobs: median %.0f ms, min %d ms, max"
            + " %d ms, all %s%n",
        median, sorted.get(0), sorted.get(19), latencies);
  }
}
