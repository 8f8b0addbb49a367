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
 * The real API application (Tomcat on a random port, a fresh SQLite file) without a worker, for
 * endpoints that need only the database. Temporal, Ray and S3 point at a closed port: start-up
 * contacts none of them, so these tests run without the local stack. Extra sources (e.g. a test
 * controller) join the context.
 */
public final class ApiOnly implements AutoCloseable {
  private final ConfigurableApplicationContext api;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private ApiOnly(ConfigurableApplicationContext api) {
    this.api = api;
  }

  public static ApiOnly start(Path dataDir, String... properties) {
    return start(dataDir, new Class<?>[0], properties);
  }

  public static ApiOnly start(Path dataDir, Class<?>[] extraSources, String... properties) {
    return new ApiOnly(run(dataDir, extraSources, properties));
  }

  /** Starts the API application and returns its context; for tests of start-up failures. */
  public static ConfigurableApplicationContext run(
      Path dataDir, Class<?>[] extraSources, String... properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.temporal.namespace=" + StackWorker.TEST_NAMESPACE);
    args.add("--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
    // nothing listens there: proves start-up and these endpoints need no stack
    args.add("--spring.temporal.connection.target=127.0.0.1:9");
    args.add("--lumigator.ray.url=http://127.0.0.1:9");
    args.add("--lumigator.s3.endpoint=http://127.0.0.1:9");
    args.addAll(StackWorker.testSecretKeyUnlessSet(properties));
    for (String p : properties) args.add("--" + p);
    Class<?>[] sources = new Class<?>[extraSources.length + 1];
    sources[0] = ApiApplication.class;
    System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
    return new SpringApplicationBuilder(sources).run(args.toArray(String[]::new));
  }

  public ConfigurableApplicationContext context() {
    return api;
  }

  public URI uri(String path) {
    int port = ((WebServerApplicationContext) api).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(uri(path));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("request to the API failed: " + request.uri(), e);
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
