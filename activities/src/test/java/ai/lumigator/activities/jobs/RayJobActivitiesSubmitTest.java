package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.ray.RayPackages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the submit activity sends Ray, against a stand-in of Ray's Jobs API. */
class RayJobActivitiesSubmitTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> submitted = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getRawPath();
          switch (exchange.getRequestMethod()
              + " "
              + (path.startsWith("/api/packages/") ? "pkg" : path)) {
            case "POST /api/jobs/" -> {
              submitted.add(body);
              reply(exchange, 200, "{\"job_id\": null, \"submission_id\": \"job-1\"}");
            }
            case "PUT pkg" -> reply(exchange, 200, "");
            default -> reply(exchange, 404, "404: Not Found");
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JsonNode submitWith(double numCpus) throws IOException {
    Path jar = Files.write(dir.resolve("jobs.jar"), new byte[] {1, 2, 3});
    RayJobsClient client =
        new RayJobsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    RayJobActivitiesImpl activities =
        new RayJobActivitiesImpl(
            client,
            new RayPackages(client),
            new RayJobSettings(
                jar,
                "-Xmx64m",
                new PollSchedule(Duration.ofMillis(100), Duration.ofSeconds(1)),
                numCpus),
            name -> Optional.empty());
    activities.submit(
        new RayJobSubmission("job-1", "smoke", "{}", Map.of("job_type", "smoke"), null));
    assertThat(submitted).hasSize(1);
    return new ObjectMapper().readTree(submitted.get(0));
  }

  @Test
  void eachJobProgramReservesTheConfiguredCpusSoRayQueuesJobsBeyondItsCpus() throws Exception {
    JsonNode request = submitWith(1);
    assertThat(request.path("entrypoint_num_cpus").asDouble()).isEqualTo(1.0);
    assertThat(request.path("submission_id").asText()).isEqualTo("job-1");
    assertThat(request.at("/runtime_env/working_dir").asText()).startsWith("gcs://_ray_pkg_");
  }

  @Test
  void zeroCpusReservesNone() throws Exception {
    assertThat(submitWith(0).has("entrypoint_num_cpus")).isFalse();
  }
}
