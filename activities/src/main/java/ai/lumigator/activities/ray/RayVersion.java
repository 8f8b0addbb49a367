package ai.lumigator.activities.ray;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /api/version}; {@code version} is the Jobs API version ("4" on Ray 2.x). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RayVersion(
    @JsonProperty("version") String version,
    @JsonProperty("ray_version") String rayVersion,
    @JsonProperty("ray_commit") String rayCommit,
    @JsonProperty("session_name") String sessionName) {}
