package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.ray.RayPackages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the submit activity sends Ray, against a stand-in of Ray's Jobs API. */
class RayJobActivitiesSubmitTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> submitted = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> dropped = new java.util.concurrent.ConcurrentHashMap<>();
  private final JobSecretDrop drop =
      new JobSecretDrop() {
        @Override
        public String put(String submissionId, String value) {
          dropped.put(submissionId, value);
          return "s3://bucket/jobs/secrets/" + submissionId;
        }

        @Override
        public void remove(String submissionId) {
          dropped.remove(submissionId);
        }
      };

  /** The job Ray already has under id job-1, as GET /api/jobs/job-1 answers; null: none. */
  private volatile String existingJob;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getRawPath();
          requests.add(exchange.getRequestMethod() + " " + path);
          if (existingJob != null) {
            switch (exchange.getRequestMethod() + " " + path) {
              case "POST /api/jobs/" -> {
                reply(
                    exchange,
                    400,
                    "Job with submission_id job-1 already exists. Please use a different"
                        + " submission_id.");
                return;
              }
              case "GET /api/jobs/job-1" -> {
                reply(exchange, 200, existingJob);
                return;
              }
              default -> {}
            }
          }
          switch (exchange.getRequestMethod()
              + " "
              + (path.startsWith("/api/packages/") ? "pkg" : path)) {
            case "POST /api/jobs/" -> {
              submitted.add(body);
              reply(exchange, 200, "{\"job_id\": null, \"submission_id\": \"job-1\"}");
            }
            case "PUT pkg" -> reply(exchange, 200, "");
            default -> reply(exchange, 404, "404: Not Found");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private RayJobActivitiesImpl activities(double numCpus, Map<String, String> secrets)
      throws IOException {
    Path jar = Files.write(dir.resolve("jobs.jar"), new byte[] {1, 2, 3});
    RayJobsClient client =
        new RayJobsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    return new RayJobActivitiesImpl(
        client,
        new RayPackages(client),
        new RayJobSettings(
            jar,
            "-Xmx64m",
            new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1)),
            numCpus,
            true),
        name -> Optional.ofNullable(secrets.get(name)),
        drop,
        JobObserver.NONE);
  }

  private static RayJobSubmission submission(String secretName) {
    return new RayJobSubmission("job-1", "smoke", "{}", Map.of("job_type", "smoke"), secretName);
  }

  private JsonNode submitWith(double numCpus) throws IOException {
    activities(numCpus, Map.of()).submit(submission(null));
    assertThat(submitted).hasSize(1);
    return new ObjectMapper().readTree(submitted.get(0));
  }

  private static final String RAY_HAS_JOB =
      """
      {"submission_id": "job-1", "status": "RUNNING", "entrypoint": "java -jar earlier.jar"}
      """;

  @Test
  void aNewJobIsSubmittedWithoutAskingRayForItFirst() throws Exception {
    RayJobHandle handle = activities(1, Map.of()).submit(submission(null));

    assertThat(handle.adopted()).isFalse();
    assertThat(requests).noneMatch(r -> r.startsWith("GET /api/jobs/"));
    assertThat(requests).last().isEqualTo("POST /api/jobs/");
  }

  @Test
  void aRetriedSubmitAdoptsTheJobRayAlreadyHasInsteadOfStartingAnother() throws Exception {
    existingJob = RAY_HAS_JOB;

    RayJobHandle handle = activities(1, Map.of()).submit(submission(null));

    assertThat(handle.adopted()).isTrue();
    assertThat(handle.entrypoint()).isEqualTo("java -jar earlier.jar");
    assertThat(submitted).isEmpty();
  }

  @Test
  void aRetriedSubmitAdoptsItsJobEvenWhenTheSecretIsGoneMeanwhile() throws Exception {
    existingJob = RAY_HAS_JOB;

    RayJobHandle handle = activities(1, Map.of()).submit(submission("openai"));

    assertThat(handle.adopted()).isTrue();
    assertThat(requests).containsExactly("GET /api/jobs/job-1");
  }

  @Test
  void aMissingSecretFailsForGoodWhenRayHasNoJob() throws Exception {
    assertThatThrownBy(() -> activities(1, Map.of()).submit(submission("openai")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.isNonRetryable()).isTrue();
              assertThat(e.getOriginalMessage())
                  .isEqualTo("Requested secret key 'openai' is not configured.");
            });
    assertThat(submitted).isEmpty();
  }

  @Test
  void rayGetsOnlyTheAddressOfTheSecretNeverTheSecret() throws Exception {
    activities(1, Map.of("openai", "sk-test")).submit(submission("openai"));

    assertThat(dropped).containsEntry("job-1", "sk-test");
    assertThat(submitted).hasSize(1).allSatisfy(body -> assertThat(body).doesNotContain("sk-test"));
    JsonNode request = new ObjectMapper().readTree(submitted.get(0));
    assertThat(request.at("/runtime_env/env_vars/LUMIGATOR_JOB_SECRET").asText())
        .isEqualTo("s3://bucket/jobs/secrets/job-1");
    assertThat(request.at("/runtime_env/env_vars").has("api_key")).isFalse();
  }

  @Test
  void theJobProgramIsToldHowLongToWaitOutAnUnreachableObjectStore() throws Exception {
    activities(1, Map.of())
        .submit(
            new RayJobSubmission("job-1", "smoke", "{}", Map.of("job_type", "smoke"), null, 900L));
    JsonNode env = new ObjectMapper().readTree(submitted.get(0)).at("/runtime_env/env_vars");
    assertThat(env.path("LUMIGATOR_S3_RETRY_WINDOW_SECONDS").asText()).isEqualTo("120");
    assertThat(env.path("LUMIGATOR_JOB_TIMEOUT_SECONDS").asText()).isEqualTo("900");

    submitted.clear();
    activities(1, Map.of()).submit(submission(null)); // a history from before the timeout field
    JsonNode older = new ObjectMapper().readTree(submitted.get(0)).at("/runtime_env/env_vars");
    assertThat(older.has("LUMIGATOR_JOB_TIMEOUT_SECONDS")).isFalse();
  }

  @Test
  void eachJobProgramReservesTheConfiguredCpusSoRayQueuesJobsBeyondItsCpus() throws Exception {
    JsonNode request = submitWith(1);
    assertThat(request.path("entrypoint_num_cpus").asDouble()).isEqualTo(1.0);
    assertThat(request.path("submission_id").asText()).isEqualTo("job-1");
    assertThat(request.at("/runtime_env/working_dir").asText()).startsWith("gcs://_ray_pkg_");
  }

  @Test
  void zeroCpusReservesNone() throws Exception {
    assertThat(submitWith(0).has("entrypoint_num_cpus")).isFalse();
  }
}
