package ai.lumigator.activities.ray;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The part of Ray's runtime_env this project uses.
 *
 * @param workingDir package URI, e.g. {@code gcs://_ray_pkg_<sha1>.zip} from {@link RayPackages}
 * @param envVars environment of the job's entrypoint; values may be secrets and are masked by
 *     {@link #toString()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RayRuntimeEnv(
    @JsonProperty("working_dir") String workingDir,
    @JsonProperty("env_vars") Map<String, String> envVars) {

  public RayRuntimeEnv {
    envVars = envVars == null ? null : Map.copyOf(envVars);
  }

  @Override
  public String toString() {
    return "RayRuntimeEnv[workingDir="
        + workingDir
        + ", envVars="
        + Redaction.maskValues(envVars)
        + "]";
  }
}
