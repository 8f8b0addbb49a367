package ai.lumigator.api.body;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a client sends is unbounded: a JSON body beyond the limit is a 413 (however it is sent),
 * a field beyond its length a 422 naming it, and neither echoes what was sent.
 */
class RequestLimitsTest {
  static final String DATASET = "5f0a8a59-3e1c-4c3e-9d43-0d1f3a2b9c11";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  @TempDir static Path smallDir;
  static ApiOnly api;
  static ApiOnly small;

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
    small = ApiOnly.start(smallDir, "lumigator.api.max-json-body-bytes=1000");
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
    if (small != null) small.close();
  }

  static String job(String name, String description) {
    return """
        {"name": "%s", "description": "%s", "dataset": "%s",
         "job_config": {"job_type": "inference", "model": "m", "provider": "openai"}}
        """
        .formatted(name, description, DATASET);
  }

  static HttpResponse<String> post(ApiOnly app, String path, HttpRequest.BodyPublisher body)
      throws Exception {
    return app.send(
        app.request(path).header("Content-Type", "application/json").POST(body).build());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return post(api, path, HttpRequest.BodyPublishers.ofString(body));
  }

  static JsonNode detail(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).path("detail");
  }

  @Test
  void aBodyBeyondTheLimitIs413WithJsonWhetherItsLengthIsSentOrNot() throws Exception {
    String huge = job("n", "x".repeat(1_100_000));
    HttpResponse<String> sized = post("/api/v1/jobs/inference/", huge);
    assertThat(sized.statusCode()).isEqualTo(413);
    assertThat(sized.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(detail(sized).asText()).isEqualTo("Request body exceeds the 1048576-byte limit");

    // chunked: no Content-Length, the limit is found while reading
    byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        post(
            api,
            "/api/v1/experiments/",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(detail(chunked).asText()).startsWith("Request body exceeds");
  }

  @Test
  void theLimitIsConfigurable() throws Exception {
    String body = job("n", "");
    String padded = body + " ".repeat(1000 - body.length());
    assertThat(padded).hasSize(1000);
    HttpResponse<String> at =
        post(small, "/api/v1/jobs/inference/", HttpRequest.BodyPublishers.ofString(padded));
    assertThat(at.statusCode()).as(at.body()).isEqualTo(404); // read: the dataset is looked for
    HttpResponse<String> over =
        post(small, "/api/v1/jobs/inference/", HttpRequest.BodyPublishers.ofString(padded + " "));
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(detail(over).asText()).isEqualTo("Request body exceeds the 1000-byte limit");
  }

  @Test
  void eachFieldHasALengthAndTheAnswerDoesNotEchoIt() throws Exception {
    String longName = "n".repeat(256);
    HttpResponse<String> r = post("/api/v1/jobs/inference/", job(longName, "d".repeat(4097)));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(detail(r))
        .isEqualTo(
            JSON.readTree(
                """
                [{"loc": ["body", "name"], "msg": "String should have at most 255 characters", "type": "string_too_long"},
                 {"loc": ["body", "description"], "msg": "String should have at most 4096 characters", "type": "string_too_long"}]
                """));

    HttpResponse<String> workflow =
        post(
            "/api/v1/workflows/",
            """
            {"name": "%s", "experiment_id": "%s", "model": "%s", "provider": "baseline",
             "system_prompt": "%s", "base_url": "http://h/%s", "metrics": ["%s"]}
            """
                .formatted(
                    longName,
                    DATASET,
                    "m".repeat(256),
                    "p".repeat(65537),
                    "u".repeat(2048),
                    "r".repeat(256)));
    assertThat(workflow.statusCode()).isEqualTo(422);
    assertThat(detail(workflow).findValuesAsText("type")).containsOnly("string_too_long");
    assertThat(detail(workflow).findValues("loc").toString())
        .isEqualTo(
            "[[\"body\",\"name\"], [\"body\",\"model\"], [\"body\",\"base_url\"],"
                + " [\"body\",\"system_prompt\"], [\"body\",\"metrics\",0]]");
    assertThat(workflow.body()).doesNotContain(longName).hasSizeLessThan(1000);

    HttpResponse<String> experiment =
        post(
            "/api/v1/experiments/",
            "{\"name\": \"%s\", \"description\": \"%s\", \"dataset\": \"%s\"}"
                .formatted(longName, "d".repeat(4097), DATASET));
    assertThat(detail(experiment).findValuesAsText("type"))
        .containsExactly("string_too_long", "string_too_long");

    HttpResponse<String> secret =
        api.send(
            api.request("/api/v1/settings/secrets/openai_api_key")
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"value\": \"sk-1\", \"description\": \"%s\"}"
                            .formatted("d".repeat(4097))))
                .build());
    assertThat(secret.statusCode()).isEqualTo(422);
    assertThat(detail(secret).at("/0/loc").toString()).isEqualTo("[\"body\",\"description\"]");
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() throws Exception {
    // 255 emoji are 510 UTF-16 units: within the limit, as Python's len counts them
    HttpResponse<String> r = post("/api/v1/jobs/inference/", job("😀".repeat(255), ""));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
  }
}
