package ai.lumigator.api.testing;

import ai.lumigator.api.ApiApplication;
import ai.lumigator.workflows.testing.StackWorker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real API and the real worker, in this JVM, against the local stack: the test Temporal
 * namespace, one fresh SQLite file shared by both, a random API port. Close it after the tests.
 */
public final class StackApi implements AutoCloseable {
  private final ConfigurableApplicationContext worker;
  private final ConfigurableApplicationContext api;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private StackApi(ConfigurableApplicationContext worker, ConfigurableApplicationContext api) {
    this.worker = worker;
    this.api = api;
  }

  /** Starts worker and API; extra properties ("key=value") apply to both. */
  public static StackApi start(Path dataDir, String... properties) {
    ConfigurableApplicationContext worker = StackWorker.start(dataDir, properties);
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.addAll(StackWorker.testNamespaceUnlessSet(properties));
    args.add("--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
    args.addAll(StackWorker.testSecretKeyUnlessSet(properties));
    for (String p : properties) args.add("--" + p);
    try {
      ConfigurableApplicationContext api =
          new SpringApplicationBuilder(ApiApplication.class).run(args.toArray(String[]::new));
      return new StackApi(worker, api);
    } catch (RuntimeException e) {
      worker.close();
      throw e;
    }
  }

  public ConfigurableApplicationContext api() {
    return api;
  }

  public ConfigurableApplicationContext worker() {
    return worker;
  }

  public URI uri(String path) {
    int port = ((WebServerApplicationContext) api).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request to the API failed: " + request.uri(), e);
    }
  }

  public HttpClient http() {
    return http;
  }

  @Override
  public void close() {
    try {
      api.close();
    } finally {
      worker.close();
    }
  }
}
