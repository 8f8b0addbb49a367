package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;

/** HTTP helpers for the dataset, experiment and workflow endpoints of a running API. */
final class EvaluationsHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, URI> uri;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  EvaluationsHttp(Function<String, URI> uri) {
    this.uri = uri;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri.apply(path)).GET().build());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(uri.apply(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri.apply(path)).DELETE().build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request failed: " + request.uri(), e);
    }
  }

  /** GET of an absolute URL (a presigned S3 URL). */
  HttpResponse<String> fetch(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  /** Uploads a CSV through POST /api/v1/datasets/; returns the new dataset's id. */
  String uploadDataset(Path csv) throws IOException {
    String boundary = "evaluations-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\njob\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"dataset\"; filename=\""
                + csv.getFileName()
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(csv));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(uri.apply("/api/v1/datasets/"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("id").asText();
  }

  String createExperiment(String name, String datasetId, String extra) {
    HttpResponse<String> r =
        post(
            "/api/v1/experiments/",
            """
            {"name": "%s", "description": "test", "dataset": "%s" %s}
            """
                .formatted(name, datasetId, extra.isEmpty() ? "" : ", " + extra));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).path("id").asText();
  }

  /** POST /api/v1/workflows/ → 201 with status created; returns the id. */
  String createWorkflow(String json) {
    HttpResponse<String> r = post("/api/v1/workflows/", json);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode w = json(r);
    assertThat(w.path("status").asText()).isEqualTo("created");
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(
            l -> assertThat(l).endsWith("/api/v1/workflows/" + w.path("id").asText()));
    return w.path("id").asText();
  }

  /** GET /api/v1/workflows/{id} until the body satisfies the condition, or fail at the deadline. */
  JsonNode awaitWorkflow(String id, Predicate<JsonNode> condition, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = get("/api/v1/workflows/" + id);
      if (r.statusCode() == 200) {
        last = json(r);
        if (condition.test(last)) return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "workflow " + id + " did not reach the condition in " + timeout + ": " + last);
  }

  static boolean ended(JsonNode workflow) {
    String s = workflow.path("status").asText();
    return s.equals("succeeded") || s.equals("failed");
  }
}
