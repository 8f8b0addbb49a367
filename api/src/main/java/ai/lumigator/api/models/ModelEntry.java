package ai.lumigator.api.models;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * One catalogue entry as {@code GET /models/} shows it: every field of the original's {@code
 * ModelsResponse}, {@code base_url} and {@code info} null when the catalogue gives none, {@code
 * website_url} and {@code description} empty (that schema requires strings: the SDK's listing does
 * not parse without them).
 *
 * @param requirements what a user must provide: {@code api_key} (a secret) or {@code llamafile} (a
 *     running llamafile server)
 * @param tasks one single-key object per task the model suits: task name → suggested parameters
 * @param price NEW: the list price per million tokens, or null when the catalogue gives none (an
 *     extra field: the SDK's model ignores it)
 */
@Schema(name = "ModelsResponse")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ModelEntry(
    @JsonProperty("display_name") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        String displayName,
    @JsonProperty("model") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String model,
    @JsonProperty("provider")
        @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {
              "openai",
              "mistral",
              "deepseek",
              "hosted_vllm",
              "self-hosted",
              "ollama",
              "llamafile",
              "baseline"
            })
        String provider,
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("website_url") String websiteUrl,
    @JsonProperty("description") String description,
    @JsonProperty("requirements")
        @ArraySchema(
            schema = @Schema(allowableValues = {"api_key", "llamafile"}),
            arraySchema = @Schema(example = "[\"api_key\"]"))
        List<String> requirements,
    @JsonProperty("info") ModelInfo info,
    @JsonProperty("tasks")
        @ArraySchema(
            arraySchema =
                @Schema(
                    description =
                        "one single-key object per task: task name → suggested parameters",
                    example = "[{\"summarization\": {\"temperature\": 0.5}}]"))
        List<Map<String, Map<String, Object>>> tasks,
    @JsonProperty("price")
        @Schema(description = "NEW: USD per million input and output tokens; null when unknown")
        ModelPrice price) {

  public ModelEntry {
    websiteUrl = websiteUrl == null ? "" : websiteUrl;
    description = description == null ? "" : description;
  }

  /** True when the entry lists the task (names are lower-case). */
  @JsonIgnore
  public boolean suits(String task) {
    return tasks.stream().anyMatch(t -> t.containsKey(task));
  }
}
