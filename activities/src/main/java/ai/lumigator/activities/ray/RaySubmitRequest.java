package ai.lumigator.activities.ray;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Body of {@code POST /api/jobs/}. Null fields are left out. Set {@code submissionId} (e.g. to the
 * Lumigator job id) to make submission idempotent: see {@link RayJobsClient#submit}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RaySubmitRequest(
    @JsonProperty("entrypoint") String entrypoint,
    @JsonProperty("submission_id") String submissionId,
    @JsonProperty("runtime_env") RayRuntimeEnv runtimeEnv,
    @JsonProperty("metadata") Map<String, String> metadata,
    @JsonProperty("entrypoint_num_cpus") Double entrypointNumCpus,
    @JsonProperty("entrypoint_num_gpus") Double entrypointNumGpus,
    @JsonProperty("entrypoint_memory") Long entrypointMemory,
    @JsonProperty("entrypoint_resources") Map<String, Double> entrypointResources) {

  public RaySubmitRequest {
    if (entrypoint == null || entrypoint.isBlank()) {
      throw new IllegalArgumentException("entrypoint is required");
    }
    metadata = metadata == null ? null : Map.copyOf(metadata);
    entrypointResources = entrypointResources == null ? null : Map.copyOf(entrypointResources);
  }

  public static Builder builder(String entrypoint) {
    return new Builder(entrypoint);
  }

  @Override
  public String toString() {
    return "RaySubmitRequest[entrypoint="
        + entrypoint
        + ", submissionId="
        + submissionId
        + ", runtimeEnv="
        + runtimeEnv
        + ", metadata="
        + metadata
        + ", entrypointNumCpus="
        + entrypointNumCpus
        + ", entrypointNumGpus="
        + entrypointNumGpus
        + ", entrypointMemory="
        + entrypointMemory
        + ", entrypointResources="
        + entrypointResources
        + "]";
  }

  public static final class Builder {
    private final String entrypoint;
    private String submissionId;
    private String workingDir;
    private final Map<String, String> envVars = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Double numCpus;
    private Double numGpus;
    private Long memory;
    private Map<String, Double> resources;

    private Builder(String entrypoint) {
      this.entrypoint = Objects.requireNonNull(entrypoint, "entrypoint");
    }

    public Builder submissionId(String id) {
      this.submissionId = id;
      return this;
    }

    public Builder workingDir(String uri) {
      this.workingDir = uri;
      return this;
    }

    public Builder envVar(String name, String value) {
      envVars.put(name, value);
      return this;
    }

    public Builder envVars(Map<String, String> vars) {
      envVars.putAll(vars);
      return this;
    }

    public Builder metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    public Builder numCpus(double cpus) {
      this.numCpus = cpus;
      return this;
    }

    public Builder numGpus(double gpus) {
      this.numGpus = gpus;
      return this;
    }

    public Builder memoryBytes(long bytes) {
      this.memory = bytes;
      return this;
    }

    public Builder resources(Map<String, Double> custom) {
      this.resources = custom;
      return this;
    }

    public RaySubmitRequest build() {
      RayRuntimeEnv env =
          workingDir == null && envVars.isEmpty()
              ? null
              : new RayRuntimeEnv(workingDir, envVars.isEmpty() ? null : envVars);
      return new RaySubmitRequest(
          entrypoint,
          submissionId,
          env,
          metadata.isEmpty() ? null : metadata,
          numCpus,
          numGpus,
          memory,
          resources);
    }
  }
}
