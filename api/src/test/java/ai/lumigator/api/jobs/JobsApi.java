package ai.lumigator.api.jobs;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.api.ApiApplication;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.testing.StackWorker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real API alone (no worker inside), on the test namespace and a given SQLite file, that a test
 * can close and start again while jobs run; plus small HTTP helpers for the job endpoints.
 */
final class JobsApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Path dataDir;
  private final String[] properties;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private ConfigurableApplicationContext api;

  private JobsApi(Path dataDir, String[] properties) {
    this.dataDir = dataDir;
    this.properties = properties;
  }

  static JobsApi start(Path dataDir, String... properties) {
    JobsApi a = new JobsApi(dataDir, properties);
    a.startContext();
    return a;
  }

  private void startContext() {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.addAll(StackWorker.testNamespaceUnlessSet(properties));
    args.add("--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
    args.addAll(StackWorker.testSecretKeyUnlessSet(properties));
    for (String p : properties) args.add("--" + p);
    api = new SpringApplicationBuilder(ApiApplication.class).run(args.toArray(String[]::new));
  }

  void restart() {
    api.close();
    startContext();
  }

  void stop() {
    api.close();
  }

  void startAgain() {
    startContext();
  }

  ConfigurableApplicationContext context() {
    return api;
  }

  URI uri(String path) {
    int port = ((WebServerApplicationContext) api).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    }
  }

  /** POST an inference job of {@code maxSamples} against an OpenAI-compatible server; its id. */
  String createInference(String name, String dataset, int maxSamples, String baseUrl) {
    return createInference(name, dataset, maxSamples, baseUrl, true);
  }

  /** The same, with the inference cache on or off ({@code use_cache}). */
  String createInference(
      String name, String dataset, int maxSamples, String baseUrl, boolean useCache) {
    HttpResponse<String> created =
        post(
            "/api/v1/jobs/inference/",
            """
            {"name": "%s", "dataset": "%s", "max_samples": %d,
             "job_config": {"job_type": "inference", "model": "fake-model",
                            "provider": "hosted_vllm", "base_url": "%s", "use_cache": %b}}
            """
                .formatted(name, dataset, maxSamples, baseUrl, useCache));
    if (created.statusCode() != 201) {
      throw new AssertionError("job not created: " + created.statusCode() + " " + created.body());
    }
    return json(created).path("id").asText();
  }

  /** Ray's submissions of this job (by submission id or job_id metadata). */
  List<RayJobDetails> raySubmissions(String jobId) {
    return api.getBean(RayJobsClient.class).list().stream()
        .filter(
            r ->
                jobId.equals(r.submissionId())
                    || jobId.equals(r.metadata() == null ? null : r.metadata().get("job_id")))
        .toList();
  }

  /** The events of the job's workflow so far. */
  List<HistoryEvent> history(String jobId) {
    return api.getBean(WorkflowClient.class)
        .fetchHistory(WorkflowIds.job(jobId))
        .getHistory()
        .getEventsList();
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  /** GET /api/v1/jobs/{id} until the body satisfies the condition, or fail at the deadline. */
  JsonNode awaitJob(String id, Predicate<JsonNode> condition, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = get("/api/v1/jobs/" + id);
      if (r.statusCode() == 200) {
        last = json(r);
        if (condition.test(last)) return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "job " + id + " did not reach the condition in " + timeout + ": " + last);
  }

  static boolean terminal(JsonNode job) {
    String s = job.path("status").asText();
    return s.equals("succeeded") || s.equals("failed") || s.equals("stopped");
  }

  @Override
  public void close() {
    if (api != null && api.isActive()) api.close();
  }
}
