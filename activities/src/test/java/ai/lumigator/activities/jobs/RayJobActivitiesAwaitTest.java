package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.ray.RayPackages;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The await activity against a stand-in of Ray's Jobs API: two jobs, one queued behind another. */
class RayJobActivitiesAwaitTest {
  private HttpServer server;
  private final CountDownLatch queuedAsked = new CountDownLatch(1);
  private volatile boolean firstEnded;
  private final TestActivityEnvironment firstEnv = TestActivityEnvironment.newInstance();
  private final TestActivityEnvironment queuedEnv = TestActivityEnvironment.newInstance();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/jobs/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.endsWith("/first")) {
            firstEnded = true;
            reply(exchange, job("first", "SUCCEEDED"));
          } else if (path.endsWith("/queued")) {
            // Ray keeps it pending until the first job freed its CPU
            reply(exchange, job("queued", firstEnded ? "SUCCEEDED" : "PENDING"));
            queuedAsked.countDown();
          } else {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    firstEnv.close();
    queuedEnv.close();
    server.stop(0);
  }

  private static String job(String id, String status) {
    return """
        {"type": "SUBMISSION", "submission_id": "%s", "status": "%s", "entrypoint": "java",
         "start_time": 1, "end_time": %s, "driver_exit_code": %s}
        """
        .formatted(
            id,
            status,
            status.equals("PENDING") ? "null" : "2",
            status.equals("PENDING") ? "null" : "0");
  }

  private static void reply(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void aQueuedJobIsAskedAboutAtOnceWhenAnotherJobItsWorkerWatchesEnds() throws Exception {
    RayJobsClient client =
        new RayJobsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
    // every wait an hour long: only the end of the other job can make the queued one's wait short
    Duration hour = Duration.ofHours(1);
    RayJobActivitiesImpl activities =
        new RayJobActivitiesImpl(
            client,
            new RayPackages(client),
            new RayJobSettings(
                Path.of("jobs.jar"), "", new PollSchedule(hour, hour, hour), 1, true),
            name -> Optional.empty());
    firstEnv.registerActivitiesImplementations(activities);
    queuedEnv.registerActivitiesImplementations(activities);
    ActivityOptions options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofHours(2))
            .setHeartbeatTimeout(Duration.ofHours(2))
            .build();
    RayJobActivities first = firstEnv.newActivityStub(RayJobActivities.class, options);
    RayJobActivities queued = queuedEnv.newActivityStub(RayJobActivities.class, options);

    CompletableFuture<RayJobOutcome> queuedOutcome =
        CompletableFuture.supplyAsync(() -> queued.await(new AwaitRayJob("queued", null, 0)));
    assertThat(queuedAsked.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(queuedOutcome).isNotDone();

    assertThat(first.await(new AwaitRayJob("first", null, 0)).status()).isEqualTo("succeeded");

    assertThat(queuedOutcome.get(30, TimeUnit.SECONDS).status()).isEqualTo("succeeded");
  }
}
