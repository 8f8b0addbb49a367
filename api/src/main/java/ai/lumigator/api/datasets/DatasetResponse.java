package ai.lumigator.api.datasets;

import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A dataset as the API shows it.
 *
 * @param size bytes uploaded
 * @param runId the job that generated it, or null
 * @param generatedBy the model that generated it, or null
 * @param createdAt ISO-8601 with offset
 */
public record DatasetResponse(
    String id,
    String filename,
    String format,
    long size,
    @JsonProperty("ground_truth") boolean groundTruth,
    @JsonProperty("run_id") String runId,
    boolean generated,
    @JsonProperty("generated_by") String generatedBy,
    @JsonProperty("created_at") String createdAt) {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");

  public static DatasetResponse of(DatasetRow row) {
    return new DatasetResponse(
        row.id(),
        row.filename(),
        row.format(),
        row.sizeBytes(),
        row.groundTruth(),
        row.runId(),
        row.generated(),
        row.generatedBy(),
        TIMESTAMP.format(Instant.ofEpochMilli(row.createdAt()).atOffset(ZoneOffset.UTC)));
  }
}
