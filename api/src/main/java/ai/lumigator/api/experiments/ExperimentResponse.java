package ai.lumigator.api.experiments;

import ai.lumigator.api.workflows.WorkflowDetailsResponse;
import ai.lumigator.persistence.experiments.ExperimentRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** {@code GetExperimentResponse} of API.md: the experiment with its workflows in detail. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExperimentResponse(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("dataset") String dataset,
    @JsonProperty("max_samples") int maxSamples,
    @JsonProperty("task_definition") JsonNode taskDefinition,
    @JsonProperty("workflows") List<WorkflowDetailsResponse> workflows) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ExperimentResponse of(ExperimentRow row, List<WorkflowDetailsResponse> workflows) {
    return new ExperimentResponse(
        row.id(),
        row.name(),
        row.description(),
        iso(row.createdAt()),
        iso(row.updatedAt()),
        row.datasetId(),
        row.maxSamples(),
        task(row),
        workflows);
  }

  private static JsonNode task(ExperimentRow row) {
    try {
      return JSON.readTree(row.taskDefinitionJson());
    } catch (IOException e) {
      throw new IllegalStateException("stored task of experiment " + row.id() + " unreadable", e);
    }
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toString();
  }
}
