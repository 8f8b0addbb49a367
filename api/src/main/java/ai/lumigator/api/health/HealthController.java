package ai.lumigator.api.health;

import ai.lumigator.api.config.ApiProperties;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
public class HealthController {
  private final HealthChecks checks;
  private final ApiProperties properties;

  public HealthController(HealthChecks checks, ApiProperties properties) {
    this.checks = checks;
    this.properties = properties;
  }

  /** 200 "OK" when every dependency is ok, else 503 "DEGRADED"; each dependency is reported. */
  @GetMapping({"/health", "/health/"})
  public ResponseEntity<HealthResponse> health() {
    Map<String, DependencyStatus> deps = checks.checkAll();
    boolean allOk = deps.values().stream().allMatch(DependencyStatus::isOk);
    HealthResponse body =
        new HealthResponse(allOk ? "OK" : "DEGRADED", properties.deploymentType(), deps);
    return ResponseEntity.status(allOk ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
