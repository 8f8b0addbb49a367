package ai.lumigator.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.StackApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dependency that does not answer makes the service DEGRADED (503), naming the culprit. */
@Tag("stack")
class HealthDegradedStackTest {
  @TempDir Path dataDir;

  @Test
  void anUnreachableRayIsReportedDown() throws Exception {
    try (StackApi stack = StackApi.start(dataDir, "lumigator.ray.url=http://127.0.0.1:9")) {
      HttpResponse<String> r = stack.get("/api/v1/health/");
      assertThat(r.statusCode()).isEqualTo(503);
      JsonNode body = new ObjectMapper().readTree(r.body());
      assertThat(body.get("status").asText()).isEqualTo("DEGRADED");
      assertThat(body.at("/dependencies/ray/status").asText()).isEqualTo("down");
      assertThat(body.at("/dependencies/database/status").asText()).isEqualTo("ok");
      assertThat(body.at("/dependencies/s3/status").asText()).isEqualTo("ok");
    }
  }
}
