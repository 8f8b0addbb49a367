package ai.lumigator.workflows.security;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.workflows.testing.ListeningSockets;
import ai.lumigator.workflows.testing.ListeningSockets.Listener;
import ai.lumigator.workflows.testing.PrivateStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every process of the local stack — S3Proxy, the Temporal dev server, the Ray head (GCS, raylet,
 * dashboard, agents, client server, workers, a running job) and the API and worker, children
 * included — listens on loopback only: a private stack started by {@code stack.sh}, its sockets
 * read by pid.
 */
@Tag("stack")
class LoopbackListenersStackTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern ID = Pattern.compile("\"submission_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

  @Test
  void everyProcessOfTheStackListensOnLoopbackOnly() throws Exception {
    try (PrivateStack stack = PrivateStack.startNew("s3", "temporal", "ray")) {
      stack.start("worker");
      stack.start("api");
      // a running job adds Ray's job supervisor (a Ray worker with its own gRPC server)
      String job = submitJob(stack.rayUrl(), "sleep 300");
      awaitRunning(stack.rayUrl(), job);

      Map<Long, String> processes = stack.processes();
      List<Listener> listeners = ListeningSockets.of(processes);
      Map<String, List<String>> byComponent =
          listeners.stream()
              .collect(
                  Collectors.groupingBy(
                      Listener::component,
                      TreeMap::new,
                      Collectors.mapping(Listener::toString, Collectors.toList())));
      System.out.printf(
          "[listeners] %d processes, %d listening sockets: %s%n",
          processes.size(),
          listeners.size(),
          byComponent.entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue().size())
              .collect(Collectors.joining(", ")));

      assertThat(processes.values()).as("processes found").contains("worker");
      assertThat(byComponent)
          .as("the sockets were read: each server component has listeners")
          .containsKeys("s3", "temporal", "ray", "api");
      assertThat(listeners.stream().filter(l -> !l.loopback()).map(Listener::toString))
          .as("sockets listening beyond loopback (all listeners: %s)", byComponent)
          .isEmpty();

      stopJob(stack.rayUrl(), job);
    }
  }

  private static String submitJob(String rayUrl, String entrypoint) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(rayUrl + "/api/jobs/"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"entrypoint\":\"" + entrypoint + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("job submitted: %s", r.body()).isEqualTo(200);
    Matcher m = ID.matcher(r.body());
    assertThat(m.find()).as("submission id in %s", r.body()).isTrue();
    return m.group(1);
  }

  private static void awaitRunning(String rayUrl, String job) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String status = "";
    while (System.nanoTime() < deadline) {
      String body =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(rayUrl + "/api/jobs/" + job)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher m = STATUS.matcher(body);
      status = m.find() ? m.group(1) : body;
      if (status.equals("RUNNING")) return;
      assertThat(status).as("job %s", job).isIn("PENDING", "RUNNING");
      Thread.sleep(200);
    }
    throw new AssertionError("job " + job + " not running after 2 min: " + status);
  }

  private static void stopJob(String rayUrl, String job) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(rayUrl + "/api/jobs/" + job + "/stop"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
