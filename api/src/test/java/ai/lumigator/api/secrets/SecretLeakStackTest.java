package ai.lumigator.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobDetails;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.api.testing.StackApi;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.testing.FakeChatServer;
import ai.lumigator.workflows.testing.TestNamespaces;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The leak test: a secret handed to a real job (real API, worker, Temporal, Ray running the jobs
 * jar, S3) reaches the provider as its bearer key, and nowhere else: not Ray (job table, job log,
 * runtime-env agent log: the job reads the key once from S3), no API response, no log line (DEBUG
 * on for our code and Spring MVC), no database column, no workflow history, no stored object.
 */
@Tag("stack")
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakStackTest {
  static final ObjectMapper json = new ObjectMapper();
  @TempDir Path dataDir;

  @Test
  void aSecretUsedByAJobAppearsOnlyWhereItMustGo(CapturedOutput output) throws Exception {
    String marker = UUID.randomUUID().toString();
    String value = "sk-leaktest-" + marker;
    List<String> forms =
        List.of(
            value,
            marker,
            Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));

    // a namespace of its own: no other test run's worker can take (and resolve) these tasks
    String namespace = TestNamespaces.fresh();
    try (FakeChatServer provider = FakeChatServer.start();
        StackApi stack =
            StackApi.start(
                dataDir,
                "spring.temporal.namespace=" + namespace,
                "logging.level.ai.lumigator=DEBUG",
                "logging.level.org.springframework.web=DEBUG")) {
      ListAppender<ILoggingEvent> logs = captureAllLogs();
      try {
        // the secret, stored through the API
        HttpResponse<String> put =
            stack.send(
                HttpRequest.newBuilder(stack.uri("/api/v1/settings/secrets/LeakTest_API_Key"))
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            json.writeValueAsString(
                                Map.of("value", value, "description", "leak test"))))
                    .build());
        assertThat(put.statusCode()).isEqualTo(201);

        // a dataset and an inference job that uses the secret against an OpenAI-compatible server
        String dataset = uploadDataset(stack);
        HttpResponse<String> created =
            post(
                stack,
                "/api/v1/jobs/inference/",
                """
                {"name": "leak test", "dataset": "%s", "max_samples": -1,
                 "job_config": {"job_type": "inference", "model": "fake-model",
                                "provider": "openai", "base_url": "%s",
                                "secret_key_name": "leaktest_api_key"}}
                """
                    .formatted(dataset, provider.baseUrl()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String jobId = json.readTree(created.body()).get("id").asText();
        JsonNode job = awaitTerminal(stack, jobId, Duration.ofMinutes(4));
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");

        // where it must go: the provider's Authorization header. Ray gets only the address the
        // job read the key from (once: the object is gone), never the key
        assertThat(provider.requests()).isNotEmpty();
        assertThat(provider.requests())
            .allSatisfy(seen -> assertThat(seen.authorization()).isEqualTo("Bearer " + value));
        RayJobsClient rayClient = stack.worker().getBean(RayJobsClient.class);
        RayJobDetails ray = rayClient.get(jobId).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) ray.runtimeEnv().get("env_vars");
        assertThat(env).doesNotContainKey("api_key");
        assertThat(env.get("LUMIGATOR_JOB_SECRET")).asString().endsWith("/jobs/secrets/" + jobId);
        S3Storage store = stack.worker().getBean(S3Storage.class);
        assertThat(store.list("jobs/secrets/" + jobId)).isEmpty();

        // Ray: its job table (as its dashboard and Jobs API show it), the job's log, and the
        // runtime-env agent's log, which records every runtime env it creates
        List<String> rayTexts = new ArrayList<>();
        rayTexts.add(rayGet(rayClient, "api/jobs/"));
        rayTexts.add(rayGet(rayClient, "api/jobs/" + jobId));
        rayTexts.add(rayClient.logs(jobId).orElseThrow());
        String nodes = rayGet(rayClient, "api/v0/nodes");
        for (JsonNode node : json.readTree(nodes).at("/data/result/result")) {
          String agentLog =
              rayGet(
                  rayClient,
                  "api/v0/logs/file?node_id="
                      + node.path("node_id").asText()
                      + "&filename=runtime_env_agent.log&lines=1000000");
          assertThat(agentLog).contains(jobId);
          rayTexts.add(agentLog);
        }
        assertNoneContains("Ray", rayTexts, forms);

        // API responses: job details (with Ray's runtime_env), listings, logs, result
        List<String> bodies = new ArrayList<>();
        for (String path :
            List.of(
                "/api/v1/jobs/" + jobId,
                "/api/v1/jobs/",
                "/api/v1/jobs/" + jobId + "/logs",
                "/api/v1/jobs/" + jobId + "/result",
                "/api/v1/jobs/" + jobId + "/result/download",
                "/api/v1/settings/secrets/",
                "/api/v1/datasets/")) {
          HttpResponse<String> r = stack.get(path);
          assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
          bodies.add(path + " " + r.body());
        }
        JsonNode details = json.readTree(stack.get("/api/v1/jobs/" + jobId).body());
        assertThat(details.at("/runtime_env/env_vars").has("api_key")).isFalse();
        assertThat(
                json.readTree(stack.get("/api/v1/jobs/" + jobId + "/logs").body())
                    .get("logs")
                    .asText())
            .isNotBlank();
        assertNoneContains("API response", bodies, forms);

        // database: every column of every row of every table
        assertNoneContains("database", everyCell(stack.api().getBean(Jdbi.class)), forms);

        // Temporal: the job workflow's history (activity inputs and results)
        String history =
            stack.worker().getBean(WorkflowClient.class).fetchHistory("job-" + jobId).toJson(false);
        assertThat(history).contains(jobId);
        assertNoneContains("workflow history", List.of(history), forms);

        // S3: everything stored for the job (results, progress)
        S3Storage storage = stack.worker().getBean(S3Storage.class);
        List<String> objects = new ArrayList<>();
        for (String prefix : List.of("jobs/results/" + jobId + "/", "jobs/progress/" + jobId)) {
          for (ObjectInfo o : storage.list(prefix))
            objects.add(o.key() + " " + storage.getString(o.key()));
        }
        assertThat(objects)
            .anyMatch(o -> o.startsWith(JobPaths.resultsKey(jobId) + " "))
            .anyMatch(o -> o.startsWith(JobPaths.progressKey(jobId) + " "));
        assertNoneContains("stored object", objects, forms);

        // leave the shared bucket as we found it (the job's results stay, as every job's do)
        assertThat(
                stack
                    .send(
                        HttpRequest.newBuilder(stack.uri("/api/v1/datasets/" + dataset))
                            .DELETE()
                            .build())
                    .statusCode())
            .isEqualTo(204);
      } finally {
        detach(logs);
      }

      // logs: every event of the API and the worker since the secret was stored, and the console
      List<String> lines = new ArrayList<>();
      for (ILoggingEvent e : logs.list) {
        lines.add(
            e.getLoggerName()
                + " "
                + e.getFormattedMessage()
                + " "
                + e.getMDCPropertyMap()
                + (e.getThrowableProxy() == null
                    ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy())));
      }
      assertThat(lines).anyMatch(l -> l.contains("Secret leaktest_api_key created"));
      // DEBUG was on: Spring MVC logged the request body it read, masked by its toString
      assertThat(lines).anyMatch(l -> l.contains("SecretUploadRequest[value=****"));
      assertNoneContains("log event", lines, forms);
      assertNoneContains("console output", List.of(output.getAll()), forms);
    } finally {
      TestNamespaces.delete(namespace);
    }
  }

  private static String rayGet(RayJobsClient ray, String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ray.baseUrl().resolve("/" + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static void assertNoneContains(String where, List<String> texts, List<String> forms) {
    for (String text : texts) {
      for (String form : forms) {
        assertThat(text).as("%s must not hold the secret", where).doesNotContain(form);
      }
    }
  }

  private static List<String> everyCell(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> {
          List<String> tables =
              h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table'")
                  .mapTo(String.class)
                  .list();
          assertThat(tables).contains("secrets", "jobs", "datasets");
          List<String> cells = new ArrayList<>();
          for (String table : tables) {
            h.createQuery("SELECT * FROM \"" + table + "\"")
                .mapToMap()
                .forEach(row -> row.forEach((k, v) -> cells.add(table + "." + k + "=" + v)));
          }
          assertThat(cells).anyMatch(c -> c.startsWith("secrets.value_ciphertext=v1:"));
          return cells;
        });
  }

  private static ListAppender<ILoggingEvent> captureAllLogs() {
    // after both contexts started: Spring Boot re-initialises Logback when a context starts
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }

  private static void detach(ListAppender<ILoggingEvent> appender) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
  }

  private static String uploadDataset(StackApi stack) throws Exception {
    String boundary = "leaktest" + UUID.randomUUID().toString().replace("-", "");
    String csv =
        "examples,ground_truth\r\n"
            + "\"The cat sat on the mat. It was warm.\",\"A cat sat.\"\r\n"
            + "\"Rain fell all day. The river rose.\",\"It rained.\"\r\n";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\njob\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"dataset\"; filename=\"leak.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + csv
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> r =
        stack.send(
            HttpRequest.newBuilder(stack.uri("/api/v1/datasets/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("id").asText();
  }

  private static HttpResponse<String> post(StackApi stack, String path, String body) {
    return stack.send(
        HttpRequest.newBuilder(stack.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonNode awaitTerminal(StackApi stack, String id, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = stack.get("/api/v1/jobs/" + id);
      if (r.statusCode() == 200) {
        last = json.readTree(r.body());
        String status = last.path("status").asText();
        if (List.of("succeeded", "failed", "stopped").contains(status)) return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job " + id + " did not end within " + timeout + ": " + last);
  }
}
