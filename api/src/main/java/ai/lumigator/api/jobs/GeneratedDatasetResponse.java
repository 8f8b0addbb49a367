package ai.lumigator.api.jobs;

import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code DatasetResponse} of API.md, for the dataset a job generated. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record GeneratedDatasetResponse(
    @JsonProperty("id") String id,
    @JsonProperty("filename") String filename,
    @JsonProperty("format") String format,
    @JsonProperty("size") long size,
    @JsonProperty("ground_truth") boolean groundTruth,
    @JsonProperty("run_id") String runId,
    @JsonProperty("generated") boolean generated,
    @JsonProperty("generated_by") String generatedBy,
    @JsonProperty("created_at") String createdAt) {

  static GeneratedDatasetResponse of(DatasetRow row) {
    return new GeneratedDatasetResponse(
        row.id(),
        row.filename(),
        row.format(),
        row.sizeBytes(),
        row.groundTruth(),
        row.runId(),
        row.generated(),
        row.generatedBy(),
        JobResponse.iso(row.createdAt()));
  }
}
