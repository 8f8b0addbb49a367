package ai.lumigator.api.jobs;

import ai.lumigator.persistence.jobs.JobRow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.ZoneOffset;

/** {@code JobResponse} of API.md. Timestamps are ISO-8601 with offset (UTC). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobResponse(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("status") String status,
    @JsonProperty("job_type") String jobType,
    @JsonProperty("created_at") String createdAt,
    @JsonProperty("updated_at") String updatedAt,
    @JsonProperty("experiment_id") String experimentId) {

  static JobResponse of(JobRow row) {
    return new JobResponse(
        row.id(),
        row.name(),
        row.description(),
        row.status(),
        row.jobType(),
        iso(row.createdAt()),
        iso(row.updatedAt()),
        row.experimentId());
  }

  static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toString();
  }
}
