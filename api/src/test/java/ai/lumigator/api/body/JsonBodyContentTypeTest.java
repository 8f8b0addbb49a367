package ai.lumigator.api.body;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint with a JSON body reads it as JSON whatever the Content-Type (none, as the
 * published SDK sends; {@code text/plain}; {@code curl -d}'s form type; a malformed one): the
 * answer is the one {@code application/json} gets, for a body the endpoint reads and for one that
 * is not JSON. The multipart upload still requires multipart.
 */
class JsonBodyContentTypeTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final ObjectMapper json = new ObjectMapper();
  static final String NO_DATASET = UUID.randomUUID().toString();

  /** Content-Type values other than application/json; null = no header. */
  static final List<String> OTHER_TYPES =
      java.util.Arrays.asList(
          null,
          "text/plain",
          "text/plain; charset=ISO-8859-1",
          "application/x-www-form-urlencoded",
          "application/octet-stream",
          "multipart/form-data; boundary=x",
          "not a media type",
          ";;;");

  record Endpoint(String method, String path, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Each JSON endpoint with a body whose answer depends on its content. */
  static List<Endpoint> endpoints() {
    String job = "{\"name\": \"j\", \"dataset\": \"" + NO_DATASET + "\", \"job_config\": %s}";
    return List.of(
        new Endpoint(
            "POST",
            "/api/v1/jobs/inference/",
            job.formatted(
                "{\"job_type\": \"inference\", \"model\": \"lead-3\","
                    + " \"provider\": \"baseline\"}")),
        new Endpoint(
            "POST", "/api/v1/jobs/evaluator/", job.formatted("{\"job_type\": \"evaluator\"}")),
        new Endpoint(
            "POST",
            "/api/v1/jobs/annotate/",
            job.formatted(
                "{\"job_type\": \"annotate\", \"model\": \"gpt-4o-mini\","
                    + " \"provider\": \"openai\"}")),
        new Endpoint(
            "POST",
            "/api/v1/experiments/",
            "{\"name\": \"e\", \"dataset\": \"" + NO_DATASET + "\"}"),
        new Endpoint(
            "POST",
            "/api/v1/workflows/",
            "{\"name\": \"w\", \"model\": \"lead-3\", \"provider\": \"baseline\","
                + " \"experiment_id\": \""
                + UUID.randomUUID()
                + "\"}"),
        new Endpoint(
            "PUT",
            "/api/v1/settings/secrets/openai_api_key",
            "{\"value\": \"sk-test\", \"description\": \"OpenAI\"}"));
  }

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  @BeforeEach
  void noSecrets() {
    api.context().getBean(Jdbi.class).useHandle(h -> h.execute("DELETE FROM secrets"));
  }

  static HttpResponse<String> send(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        api.request(path)
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) request.header("Content-Type", contentType);
    return api.send(request.build());
  }

  static String answer(HttpResponse<String> r) {
    return r.statusCode() + " " + r.body();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aBodyIsReadAsJsonWhateverItsContentType(Endpoint e) throws Exception {
    List<String> answers = new ArrayList<>();
    for (String type : OTHER_TYPES) {
      noSecrets();
      HttpResponse<String> r = send(e.method(), e.path(), type, e.body());
      answers.add(type + " -> " + answer(r));
    }
    noSecrets();
    HttpResponse<String> reference = send(e.method(), e.path(), "application/json", e.body());
    // the reference read the body: a body-dependent answer, never "unsupported media type"
    assertThat(reference.statusCode()).as(answer(reference)).isIn(201, 400, 404, 422);
    if (reference.statusCode() != 201) {
      assertThat(json.readTree(reference.body()).get("detail").toString())
          .containsAnyOf(
              "not found",
              "No experiment found",
              "\"job_config\"",
              "\"experiment_id\"",
              "\"dataset\"");
    }
    for (int i = 0; i < OTHER_TYPES.size(); i++) {
      assertThat(answers.get(i)).isEqualTo(OTHER_TYPES.get(i) + " -> " + answer(reference));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endpoints")
  void aBodyThatIsNotJsonGetsTheSame422(Endpoint e) throws Exception {
    JsonNode expected =
        json.readTree(
            "{\"detail\": [{\"loc\": [\"body\"], \"msg\": \"JSON decode error\","
                + " \"type\": \"json_invalid\"}]}");
    for (String type : OTHER_TYPES) {
      HttpResponse<String> r = send(e.method(), e.path(), type, "name=j&dataset=x");
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(422);
      assertThat(json.readTree(r.body())).as(String.valueOf(type)).isEqualTo(expected);
    }
    HttpResponse<String> empty = send(e.method(), e.path(), null, "");
    assertThat(answer(empty)).isEqualTo(answer(send(e.method(), e.path(), "application/json", "")));
    assertThat(empty.statusCode()).isEqualTo(422);
  }

  @org.junit.jupiter.api.Test
  void aNonAsciiBodyWithoutContentTypeIsReadAsUtf8() {
    String body = "{\"value\": \"sk-test\", \"description\": \"ключ ✓\"}";
    HttpResponse<String> r = send("PUT", "/api/v1/settings/secrets/k", null, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(api.get("/api/v1/settings/secrets/").body()).contains("ключ ✓");
  }

  @org.junit.jupiter.api.Test
  void theUploadStillRequiresMultipart() throws Exception {
    JsonNode missing =
        json.readTree(
            "{\"detail\": [{\"loc\": [\"body\", \"dataset\"], \"msg\": \"Field required\","
                + " \"type\": \"missing\"}, {\"loc\": [\"body\", \"format\"],"
                + " \"msg\": \"Field required\", \"type\": \"missing\"}]}");
    for (String type : java.util.Arrays.asList(null, "application/json", "text/plain")) {
      HttpResponse<String> r = send("POST", "/api/v1/datasets/", type, "{\"format\": \"job\"}");
      assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(422);
      assertThat(json.readTree(r.body())).as(String.valueOf(type)).isEqualTo(missing);
    }
  }

  @org.junit.jupiter.api.Test
  void theApiDocumentStillSaysApplicationJson() throws Exception {
    JsonNode doc = json.readTree(api.get("/v3/api-docs").body());
    for (Endpoint e : endpoints()) {
      String path = e.path().replace("openai_api_key", "{secret_name}");
      JsonNode op = doc.at("/paths/" + path.replace("/", "~1") + "/" + e.method().toLowerCase());
      assertThat(op.isMissingNode()).as(path).isFalse();
      assertThat(op.at("/requestBody/content").fieldNames())
          .toIterable()
          .as(path)
          .containsExactly("application/json");
    }
  }
}
