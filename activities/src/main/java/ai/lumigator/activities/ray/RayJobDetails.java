package ai.lumigator.activities.ray;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One job as {@code GET /api/jobs/{id}} reports it. Times are Unix milliseconds; most fields may be
 * null (e.g. {@code job_id} stays null for an entrypoint that never starts a Ray driver). {@code
 * runtime_env} comes back in clear, env_vars included: {@link #toString()} masks it, and {@link
 * #redactedRuntimeEnv()} gives a copy safe to show.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RayJobDetails(
    @JsonProperty("type") String type,
    @JsonProperty("job_id") String jobId,
    @JsonProperty("submission_id") String submissionId,
    @JsonProperty("driver_info") DriverInfo driverInfo,
    @JsonProperty("status") RayJobStatus status,
    @JsonProperty("entrypoint") String entrypoint,
    @JsonProperty("message") String message,
    @JsonProperty("error_type") String errorType,
    @JsonProperty("start_time") Long startTime,
    @JsonProperty("end_time") Long endTime,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("runtime_env") Map<String, Object> runtimeEnv,
    @JsonProperty("driver_exit_code") Integer driverExitCode) {

  /** The driver process of a job that started a Ray driver. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record DriverInfo(
      @JsonProperty("id") String id,
      @JsonProperty("node_ip_address") String nodeIpAddress,
      @JsonProperty("pid") String pid) {}

  public Optional<Instant> startInstant() {
    return Optional.ofNullable(startTime).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> endInstant() {
    return Optional.ofNullable(endTime).map(Instant::ofEpochMilli);
  }

  /** runtime_env with every env_vars value replaced by {@code ****}. */
  public Map<String, Object> redactedRuntimeEnv() {
    return Redaction.runtimeEnv(runtimeEnv);
  }

  @Override
  public String toString() {
    return "RayJobDetails[type="
        + type
        + ", jobId="
        + jobId
        + ", submissionId="
        + submissionId
        + ", driverInfo="
        + driverInfo
        + ", status="
        + status
        + ", entrypoint="
        + entrypoint
        + ", message="
        + message
        + ", errorType="
        + errorType
        + ", startTime="
        + startTime
        + ", endTime="
        + endTime
        + ", metadata="
        + metadata
        + ", runtimeEnv="
        + redactedRuntimeEnv()
        + ", driverExitCode="
        + driverExitCode
        + "]";
  }
}
