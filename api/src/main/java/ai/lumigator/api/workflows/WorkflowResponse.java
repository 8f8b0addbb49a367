package ai.lumigator.api.workflows;

import ai.lumigator.persistence.workflows.WorkflowRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code WorkflowResponse} of API.md. Timestamps are ISO-8601 with offset (UTC). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowResponse(
    @JsonProperty("id") String id,
    @JsonProperty("experiment_id") String experimentId,
    @JsonProperty("model") String model,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("system_prompt") String systemPrompt,
    @JsonProperty("status") String status,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt) {

  static WorkflowResponse of(WorkflowRow row) {
    return new WorkflowResponse(
        row.id(),
        row.experimentId(),
        row.model(),
        row.name(),
        row.description(),
        row.systemPrompt(),
        row.status(),
        iso(row.createdAt()),
        iso(row.updatedAt()));
  }

  static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toString();
  }
}
