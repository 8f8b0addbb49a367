package ai.lumigator.api.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.ApiOnly;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/models/ over HTTP with the shipped catalogue. */
class ModelsApiTest {
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

  static JsonNode get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> r = api.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(expectedStatus);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return json.readTree(r.body());
  }

  static List<String> models(JsonNode listing) {
    assertThat(listing.get("total").asInt()).isEqualTo(listing.get("items").size());
    List<String> out = new ArrayList<>();
    listing
        .get("items")
        .forEach(i -> out.add(i.get("provider").asText() + "/" + i.get("model").asText()));
    return out;
  }

  static boolean suits(JsonNode item, String task) {
    for (JsonNode t : item.get("tasks")) if (t.has(task)) return true;
    return false;
  }

  @Test
  void withoutTasksEveryEntryIsListedWithAndWithoutTrailingSlash() throws Exception {
    JsonNode all = get("/api/v1/models/", 200);
    assertThat(get("/api/v1/models", 200)).isEqualTo(all);
    int size = api.context().getBean(ModelCatalogue.class).entries().size();
    assertThat(all.get("total").asInt()).isEqualTo(size);
    assertThat(models(all))
        .contains(
            "baseline/lead-3",
            "baseline/lead-1",
            "baseline/first-line",
            "openai/gpt-4o-mini",
            "openai/gpt-4o",
            "mistral/mistral-small-latest",
            "deepseek/deepseek-chat");
  }

  @Test
  void entriesHaveEveryFieldOfTheUpstreamShape() throws Exception {
    JsonNode all = get("/api/v1/models/", 200);
    JsonNode lead3 = null;
    JsonNode gpt = null;
    JsonNode vllm = null;
    for (JsonNode item : all.get("items")) {
      if (item.get("model").asText().equals("lead-3")) lead3 = item;
      if (item.get("model").asText().equals("gpt-4o-mini")) gpt = item;
      if (item.get("provider").asText().equals("hosted_vllm")) vllm = item;
    }
    assertThat(lead3).isNotNull();
    // every field of the original's ModelsResponse, as FastAPI serializes it (the SDK's listing
    // does not parse an entry without website_url or description)
    for (JsonNode item : all.get("items")) {
      assertThat(item.fieldNames())
          .toIterable()
          .as(item.get("model").asText())
          .containsExactlyInAnyOrder(
              "display_name",
              "model",
              "provider",
              "base_url",
              "website_url",
              "description",
              "requirements",
              "info",
              "tasks",
              "price"); // NEW: an extra field, which the SDK's model ignores
      assertThat(item.get("website_url").isTextual()).isTrue();
      assertThat(item.get("description").isTextual()).isTrue();
    }
    assertThat(lead3.get("base_url").isNull()).isTrue();
    assertThat(lead3.get("website_url").asText()).isEmpty();
    assertThat(lead3.get("info").isNull()).isTrue();
    assertThat(lead3.get("requirements").size()).isZero();
    assertThat(lead3.get("tasks")).isEqualTo(json.readTree("[{\"summarization\": {}}]"));
    assertThat(gpt.get("requirements")).isEqualTo(json.readTree("[\"api_key\"]"));
    assertThat(gpt.get("price"))
        .isEqualTo(
            json.readTree(
                "{\"input_usd_per_1m_tokens\": 0.15, \"output_usd_per_1m_tokens\": 0.6}"));
    assertThat(lead3.get("price").isNull()).isTrue();
    assertThat(gpt.get("display_name").asText()).isNotBlank();
    assertThat(gpt.at("/tasks/0/summarization/temperature").asDouble()).isEqualTo(0.5);
    assertThat(vllm.get("base_url").asText()).startsWith("http");
    assertThat(vllm.has("requirements")).as("an entry without requirements has []").isTrue();
    for (JsonNode item : all.get("items")) {
      assertThat(item.get("requirements").isArray()).as(item.get("model").asText()).isTrue();
    }
    assertThat(vllm.get("info").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("parameter_count", "tensor_type", "model_size");
  }

  @Test
  void oneTaskFilters() throws Exception {
    JsonNode translation = get("/api/v1/models/?tasks=translation", 200);
    assertThat(translation.get("total").asInt()).isPositive();
    translation.get("items").forEach(i -> assertThat(suits(i, "translation")).isTrue());
    assertThat(models(translation)).doesNotContain("baseline/lead-3");

    JsonNode summarization = get("/api/v1/models/?tasks=summarization", 200);
    assertThat(models(summarization)).contains("baseline/lead-3", "openai/gpt-4o-mini");
  }

  @Test
  void severalTasksAreAUnionAndCaseIsIgnored() throws Exception {
    JsonNode union = get("/api/v1/models/?tasks=Summarization&tasks=TRANSLATION", 200);
    List<String> expected = new ArrayList<>();
    for (JsonNode i : get("/api/v1/models/", 200).get("items")) {
      if (suits(i, "summarization") || suits(i, "translation")) {
        expected.add(i.get("provider").asText() + "/" + i.get("model").asText());
      }
    }
    assertThat(models(union)).containsExactlyElementsOf(expected);
    assertThat(get("/api/v1/models?tasks=summarization&tasks=translation", 200)).isEqualTo(union);
  }

  @Test
  void anUnknownTaskIs400ListingTheSupportedOnes() throws Exception {
    JsonNode error = get("/api/v1/models/?tasks=summarization&tasks=Poetry", 400);
    assertThat(error)
        .isEqualTo(
            json.readTree(
                """
                {"detail": "Unsupported task(s): {'poetry'}. Choose from: {'summarization', 'translation', 'text-generation'}"}
                """));
  }
}
