package ai.lumigator.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.api.testing.StackApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("stack")
class HealthStackTest {
  @TempDir static Path dataDir;
  static StackApi stack;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    stack = StackApi.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (stack != null) stack.close();
  }

  @Test
  void rootGreetsLikeLumigator() throws Exception {
    HttpResponse<String> r = stack.get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json.readTree(r.body()).get("Hello").asText()).isEqualTo("Lumigator!🐊");
  }

  @Test
  void healthReportsEveryDependencyOk() throws Exception {
    for (String path : new String[] {"/api/v1/health/", "/api/v1/health"}) {
      HttpResponse<String> r = stack.get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      JsonNode body = json.readTree(r.body());
      assertThat(body.get("status").asText()).isEqualTo("OK");
      assertThat(body.get("deployment_type").asText()).isEqualTo("local");
      for (String dep : new String[] {"database", "s3", "temporal", "ray"}) {
        assertThat(body.at("/dependencies/" + dep + "/status").asText()).as(dep).isEqualTo("ok");
      }
    }
  }

  @Test
  void unknownRouteIsJsonNotFound() throws Exception {
    HttpResponse<String> r = stack.get("/api/v1/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).get("detail").asText()).isEqualTo("Not Found");
  }
}
