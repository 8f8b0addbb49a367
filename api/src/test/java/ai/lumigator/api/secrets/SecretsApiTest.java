package ai.lumigator.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets endpoints over HTTP, on the real API application and database. */
class SecretsApiTest {
  @TempDir static Path dataDir;
  static ApiOnly api;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    api = ApiOnly.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (api != null) api.close();
  }

  @BeforeEach
  void empty() {
    jdbi().useHandle(h -> h.execute("DELETE FROM secrets"));
  }

  static Jdbi jdbi() {
    return api.context().getBean(Jdbi.class);
  }

  static HttpResponse<String> put(String name, String body) {
    return api.send(
        api.request("/api/v1/settings/secrets/" + name)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static HttpResponse<String> put(String name, String value, String description) {
    try {
      return put(name, json.writeValueAsString(Map.of("value", value, "description", description)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> delete(String name) {
    return api.send(api.request("/api/v1/settings/secrets/" + name).DELETE().build());
  }

  static JsonNode body(HttpResponse<String> r) throws Exception {
    return json.readTree(r.body());
  }

  @Test
  void createThenUpdateThenListWithoutValues() throws Exception {
    HttpResponse<String> created = put("OpenAI_API_Key", "sk-first-value", "OpenAI key");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEmpty();

    HttpResponse<String> updated = put("openai_api_key", "sk-second-value", "rotated");
    assertThat(updated.statusCode()).isEqualTo(204);
    assertThat(updated.body()).isEmpty();
    assertThat(put("mistral_api_key", "m-value", "").statusCode()).isEqualTo(201);

    for (String path : List.of("/api/v1/settings/secrets/", "/api/v1/settings/secrets")) {
      HttpResponse<String> list = api.get(path);
      assertThat(list.statusCode()).as(path).isEqualTo(200);
      assertThat(body(list))
          .isEqualTo(
              json.readTree(
                  """
                  [{"name": "mistral_api_key", "description": ""},
                   {"name": "openai_api_key", "description": "rotated"}]
                  """));
      assertThat(list.body()).doesNotContain("value").doesNotContain("sk-");
    }
  }

  @Test
  void theDatabaseHoldsNoClearText() {
    String value = "sk-proj-0123456789-clear-text-must-not-be-stored";
    assertThat(put("openai_api_key", value, "d").statusCode()).isEqualTo(201);

    List<Map<String, Object>> rows =
        jdbi().withHandle(h -> h.createQuery("SELECT * FROM secrets").mapToMap().list());
    assertThat(rows).hasSize(1);
    String stored = (String) rows.get(0).get("value_ciphertext");
    assertThat(stored).startsWith("v1:").doesNotContain(value);
    assertThat(rows.get(0).values().toString()).doesNotContain(value).doesNotContain("sk-proj");
    // and it decrypts to the value for a job
    assertThat(
            api.context()
                .getBean(ai.lumigator.activities.secrets.SecretStore.class)
                .valueOf("OPENAI_API_KEY"))
        .contains(value);
  }

  @Test
  void deleteIs204EvenWhenAbsent() {
    put("k", "v", "d");
    assertThat(delete("K").statusCode()).isEqualTo(204);
    assertThat(delete("k").statusCode()).isEqualTo(204);
    assertThat(delete("never-existed").statusCode()).isEqualTo(204);
    assertThat(api.get("/api/v1/settings/secrets/").body()).isEqualTo("[]");
  }

  @Test
  void valueLengthIsOneTo1024Characters() throws Exception {
    assertThat(put("k", "x".repeat(1024), "d").statusCode()).isEqualTo(201);
    // 1024 characters outside the BMP: 2048 UTF-16 units, still 1024 characters
    assertThat(put("k", "🐊".repeat(1024), "d").statusCode()).isEqualTo(204);

    HttpResponse<String> tooLong = put("k", "x".repeat(1025), "d");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(body(tooLong))
        .isEqualTo(
            json.readTree(
                """
                {"detail": [{"loc": ["body", "value"],
                             "msg": "String should have at most 1024 characters",
                             "type": "string_too_long"}]}
                """));
    assertThat(tooLong.body()).doesNotContain("xxxx");

    HttpResponse<String> empty = put("k", "", "d");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(body(empty).at("/detail/0/type").asText()).isEqualTo("string_too_short");
    assertThat(body(empty).at("/detail/0/loc").toString()).isEqualTo("[\"body\",\"value\"]");
    // the refused requests changed nothing
    assertThat(
            api.context().getBean(ai.lumigator.activities.secrets.SecretStore.class).valueOf("k"))
        .contains("🐊".repeat(1024));
  }

  @Test
  void nameLengthIsOneTo255Characters() throws Exception {
    assertThat(put("n".repeat(255), "v", "d").statusCode()).isEqualTo(201);
    HttpResponse<String> tooLong = put("n".repeat(256), "v", "d");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(body(tooLong))
        .isEqualTo(
            json.readTree(
                """
                {"detail": [{"loc": ["path", "secret_name"],
                             "msg": "String should have at most 255 characters",
                             "type": "string_too_long"}]}
                """));
    assertThat(delete("n".repeat(256)).statusCode()).isEqualTo(422);
    // no name at all is the collection, which takes no PUT
    HttpResponse<String> noName = put("", "{\"value\": \"v\", \"description\": \"d\"}");
    assertThat(noName.statusCode()).isEqualTo(405);
    assertThat(body(noName).get("detail").asText()).isEqualTo("Method Not Allowed");
    int rows =
        jdbi()
            .withHandle(h -> h.createQuery("SELECT count(*) FROM secrets").mapTo(int.class).one());
    assertThat(rows).isEqualTo(1);
  }

  @Test
  void malformedBodiesAre422AndStoreNothing() throws Exception {
    Map<String, String> cases =
        Map.of(
            "{\"description\": \"d\"}",
                "[{\"loc\":[\"body\",\"value\"],\"msg\":\"Field required\",\"type\":\"missing\"}]",
            "{\"value\": \"v\"}",
                "[{\"loc\":[\"body\",\"description\"],\"msg\":\"Field required\",\"type\":\"missing\"}]",
            "{\"value\": 12345, \"description\": \"d\"}",
                "[{\"loc\":[\"body\",\"value\"],\"msg\":\"Input should be a valid string\",\"type\":\"string_type\"}]",
            "[\"v\"]",
                "[{\"loc\":[\"body\"],\"msg\":\"Input should be a valid dictionary or object to extract fields from\",\"type\":\"model_attributes_type\"}]",
            "{\"value\": \"v\",",
                "[{\"loc\":[\"body\"],\"msg\":\"JSON decode error\",\"type\":\"json_invalid\"}]",
            "", "[{\"loc\":[\"body\"],\"msg\":\"Field required\",\"type\":\"missing\"}]");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = put("k", c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(422);
      assertThat(body(r).get("detail")).as(c.getKey()).isEqualTo(json.readTree(c.getValue()));
    }
    HttpResponse<String> text =
        api.send(
            api.request("/api/v1/settings/secrets/k")
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("v"))
                .build());
    // read as JSON whatever the Content-Type, as FastAPI does (issue 14): "v" is not JSON
    assertThat(text.statusCode()).isEqualTo(422);
    assertThat(body(text).get("detail"))
        .isEqualTo(
            json.readTree(
                "[{\"loc\":[\"body\"],\"msg\":\"JSON decode error\",\"type\":\"json_invalid\"}]"));
    assertThat(api.get("/api/v1/settings/secrets/").body()).isEqualTo("[]");
  }
}
