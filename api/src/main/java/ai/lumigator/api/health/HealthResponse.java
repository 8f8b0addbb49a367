package ai.lumigator.api.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

public record HealthResponse(
    String status,
    @JsonProperty("deployment_type") String deploymentType,
    Map<String, DependencyStatus> dependencies) {}
