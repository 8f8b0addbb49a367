package ai.lumigator.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document is served, lists the real paths, and documents what they really send. */
class OpenApiDocumentTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static JsonNode doc;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    api = ApiOnly.start(dataDir);
    HttpResponse<String> r = api.get("/v3/api-docs");
    assertThat(r.statusCode()).isEqualTo(200);
    doc = json.readTree(r.body());
    // kept for reading: target/openapi.json
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), doc.toPrettyString());
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  /** Each route once, in the original's spelling (OneSpellingPerRoute): 27 of 50 mapped. */
  @Test
  void hasATitleAndListsEachRouteOnceInTheOriginalSpelling() {
    assertThat(doc.at("/info/title").asText()).isEqualTo("Lumigator API");
    assertThat(doc.at("/openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths)
        .hasSize(27)
        .containsExactlyInAnyOrder(
            "/",
            "/api/v1/health/",
            "/api/v1/models/",
            "/api/v1/settings/secrets/",
            "/api/v1/settings/secrets/{secret_name}",
            "/api/v1/datasets/",
            "/api/v1/datasets/{id}",
            "/api/v1/datasets/{id}/download",
            "/api/v1/jobs/",
            "/api/v1/jobs/inference/",
            "/api/v1/jobs/evaluator/",
            "/api/v1/jobs/annotate/",
            "/api/v1/jobs/{id}",
            "/api/v1/jobs/{id}/logs",
            "/api/v1/jobs/{id}/result",
            "/api/v1/jobs/{id}/result/download",
            "/api/v1/jobs/{id}/dataset",
            "/api/v1/jobs/{id}/stop",
            "/api/v1/experiments/",
            "/api/v1/experiments/{id}",
            "/api/v1/experiments/{id}/leaderboard",
            "/api/v1/experiments/{id}/samples",
            "/api/v1/workflows/",
            "/api/v1/workflows/{id}",
            "/api/v1/workflows/{id}/logs",
            "/api/v1/workflows/{id}/result/download",
            "/api/v1/workflows/{id}/stop");
    assertThat(doc.at("/paths/~1api~1v1~1datasets~1").fieldNames())
        .toIterable()
        .contains("get", "post");
  }

  @Test
  void theOtherSpellingStillAnswers() throws Exception {
    for (String path :
        List.of("/api/v1/health", "/api/v1/models", "/api/v1/settings/secrets", "/api/v1/jobs")) {
      int withoutSlash = api.get(path).statusCode();
      assertThat(withoutSlash).as(path).isNotEqualTo(404);
      assertThat(api.get(path + "/").statusCode()).as(path + "/").isEqualTo(withoutSlash);
    }
  }

  @Test
  void modelsDocumentTheListingTheTasksFilterAndThe400() {
    JsonNode get = doc.at("/paths/~1api~1v1~1models~1/get");
    assertThat(get.at("/summary").asText()).isEqualTo("Suggested models");
    JsonNode tasks = get.at("/parameters/0");
    assertThat(tasks.get("name").asText()).isEqualTo("tasks");
    assertThat(tasks.get("in").asText()).isEqualTo("query");
    assertThat(tasks.at("/schema/type").asText()).isEqualTo("array");
    assertThat(tasks.path("required").asBoolean(false)).isFalse();
    assertThat(ref(get.at("/responses/200/content/application~1json/schema")))
        .isEqualTo("ModelListing");
    assertThat(ref(get.at("/responses/400/content/application~1json/schema")))
        .isEqualTo("ErrorResponse");
    assertThat(doc.at("/components/schemas/ModelsResponse/properties").fieldNames())
        .toIterable()
        .contains(
            "display_name",
            "model",
            "provider",
            "base_url",
            "website_url",
            "description",
            "requirements",
            "info",
            "tasks");
    JsonNode entry = doc.at("/components/schemas/ModelsResponse/properties");
    assertThat(entry.at("/requirements/type").asText()).isEqualTo("array");
    assertThat(entry.at("/requirements/items/enum").toString())
        .isEqualTo("[\"api_key\",\"llamafile\"]");
    assertThat(entry.at("/tasks/type").asText()).isEqualTo("array");
    assertThat(entry.at("/tasks/items/type").asText()).isEqualTo("object");
    assertThat(entry.at("/provider/enum").size()).isEqualTo(8);
    assertThat(entry.at("/provider/enum").toString()).contains("\"self-hosted\"");
  }

  @Test
  void secretsDocumentCodesBodiesAndValidationErrors() {
    JsonNode put = doc.at("/paths/~1api~1v1~1settings~1secrets~1{secret_name}/put");
    assertThat(put.get("responses").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("201", "204", "422", "500");
    assertThat(ref(put.at("/requestBody/content/application~1json/schema")))
        .isEqualTo("SecretUploadRequest");
    assertThat(put.at("/requestBody/required").asBoolean()).isTrue();
    assertThat(ref(put.at("/responses/422/content/application~1json/schema")))
        .isEqualTo("HTTPValidationError");
    JsonNode upload = doc.at("/components/schemas/SecretUploadRequest");
    assertThat(upload.at("/properties/value/maxLength").asInt()).isEqualTo(1024);
    assertThat(upload.at("/properties/value/minLength").asInt()).isEqualTo(1);
    assertThat(upload.get("required").toString()).contains("value").contains("description");

    JsonNode delete = doc.at("/paths/~1api~1v1~1settings~1secrets~1{secret_name}/delete");
    assertThat(delete.get("responses").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("204", "422", "500");
    JsonNode list = doc.at("/paths/~1api~1v1~1settings~1secrets~1/get");
    assertThat(list.at("/responses/200/content/application~1json/schema/type").asText())
        .isEqualTo("array");
    assertThat(doc.at("/components/schemas/SecretGetRequest/properties").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("name", "description");
  }

  @Test
  void everyOperationDocumentsTheGeneralErrorSchema() {
    assertThat(doc.at("/components/schemas/ErrorResponse/properties/detail/type").asText())
        .isEqualTo("string");
    assertThat(doc.at("/components/schemas/HTTPValidationError/properties/detail/type").asText())
        .isEqualTo("array");
    doc.get("paths")
        .forEach(
            path ->
                path.forEach(
                    operation ->
                        assertThat(
                                ref(
                                    operation.at(
                                        "/responses/500/content/application~1json/schema")))
                            .as(operation.path("operationId").asText())
                            .isEqualTo("ErrorResponse")));
  }

  @Test
  void swaggerUiIsServedAtDocs() {
    HttpResponse<String> docs = api.get("/docs");
    assertThat(docs.statusCode()).isEqualTo(302);
    String location = docs.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> ui = api.get(location.replaceFirst("^https?://[^/]+", ""));
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  private static String ref(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }
}
