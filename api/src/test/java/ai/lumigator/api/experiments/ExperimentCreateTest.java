package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /experiments/} refuses a malformed body with every problem, as pydantic lists them.
 */
class ExperimentCreateTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DATASET = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  static JsonNode detail(String body, int status) throws Exception {
    HttpResponse<String> r =
        api.send(
            api.request("/api/v1/experiments/")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return JSON.readTree(r.body()).path("detail");
  }

  static JsonNode items(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void everyProblemOfTheBodyIsListedWhereTheClientPutIt() throws Exception {
    // in the order of the fields' declarations, as pydantic lists them
    assertThat(detail("{\"description\": 3, \"max_samples\": \"many\"}", 422))
        .isEqualTo(
            items(
                """
                [{"loc": ["body", "name"], "msg": "Field required", "type": "missing"},
                 {"loc": ["body", "description"], "msg": "Input should be a valid string", "type": "string_type"},
                 {"loc": ["body", "dataset"], "msg": "Field required", "type": "missing"},
                 {"loc": ["body", "max_samples"], "msg": "Input should be a valid integer", "type": "int_type"}]
                """));
    assertThat(detail("{\"name\": \"\", \"dataset\": \"not-a-uuid\"}", 422))
        .isEqualTo(
            items(
                """
                [{"loc": ["body", "name"], "msg": "String should have at least 1 character", "type": "string_too_short"},
                 {"loc": ["body", "dataset"], "msg": "Input should be a valid UUID", "type": "uuid_parsing"}]
                """));
  }

  @Test
  void theTaskDefinitionIsToldApartByItsTask() throws Exception {
    String body = "{\"name\": \"x\", \"dataset\": \"" + DATASET + "\", \"task_definition\": %s}";
    assertThat(detail(body.formatted("{\"task\": \"poetry\"}"), 422))
        .isEqualTo(
            items(
                """
                [{"loc": ["body", "task_definition", "task"],
                  "msg": "Input tag 'poetry' found using 'task' does not match any of the expected tags: 'summarization', 'translation', 'text-generation'",
                  "type": "union_tag_invalid"}]
                """));
    assertThat(detail(body.formatted("{\"source_language\": \"en\"}"), 422))
        .isEqualTo(
            items(
                """
                [{"loc": ["body", "task_definition", "task"], "msg": "Field required", "type": "missing"}]
                """));
    assertThat(
            detail(
                body.formatted(
                    "{\"task\": \"translation\", \"source_language\": \"en\", \"style\": \"x\"}"),
                422))
        .isEqualTo(
            items(
                """
                [{"loc": ["body", "task_definition", "style"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"},
                 {"loc": ["body", "task_definition", "target_language"], "msg": "Field required", "type": "missing"}]
                """));
    // well-formed: the dataset is looked for (and not found)
    assertThat(
            detail(
                    body.formatted(
                        "{\"task\": \"translation\", \"source_language\": \"en\","
                            + " \"target_language\": \"de\"}"),
                    404)
                .asText())
        .isEqualTo("Dataset with ID " + DATASET + " not found");
    assertThat(
            detail("{\"name\": \"x\", \"dataset\": \"" + DATASET + "\", \"id\": 1}", 404).asText())
        .as("unknown top-level fields are ignored, as the original's models do")
        .startsWith("Dataset with ID");
  }
}
