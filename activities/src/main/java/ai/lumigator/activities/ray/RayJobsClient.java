package ai.lumigator.activities.ray;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed client of Ray's Jobs REST API (the dashboard, default port 8265). Thread-safe.
 *
 * <p>Failures are unchecked {@link RayException}s whose {@link RayException#kind()} tells
 * unreachable, refused (4xx) and failed (5xx) apart. Lookups of unknown jobs return empty rather
 * than throwing.
 */
public final class RayJobsClient {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(RayJobsClient.class);
  private static final String JSON = "application/json";
  private static final Pattern WRAPPED_STATUS =
      Pattern.compile("Request failed with status code (\\d{3})");
  private static final int MAX_MESSAGE = 2000;

  private final URI baseUrl;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final Duration uploadTimeout;
  private final Map<String, String> headers;
  private final ObjectMapper mapper;

  public RayJobsClient(URI baseUrl) {
    this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  public RayJobsClient(URI baseUrl, Duration connectTimeout, Duration requestTimeout) {
    this(
        baseUrl,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        requestTimeout,
        DEFAULT_UPLOAD_TIMEOUT,
        Map.of());
  }

  /**
   * @param http use HTTP/1.1 (Ray's aiohttp server does not speak h2c)
   * @param headers sent with every request, e.g. an {@code Authorization} header when the cluster
   *     has token authentication on
   */
  public RayJobsClient(
      URI baseUrl,
      HttpClient http,
      Duration requestTimeout,
      Duration uploadTimeout,
      Map<String, String> headers) {
    String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.baseUrl = URI.create(base);
    this.http = Objects.requireNonNull(http, "http");
    this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    this.uploadTimeout = Objects.requireNonNull(uploadTimeout, "uploadTimeout");
    this.headers = Map.copyOf(headers);
    this.mapper =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  /** The dashboard address from {@code LUMIGATOR_RAY_URL}, else {@code fallback}. */
  public static URI urlFromEnv(Map<String, String> env, URI fallback) {
    String value = env.get("LUMIGATOR_RAY_URL");
    return value == null || value.isBlank() ? fallback : URI.create(value.trim());
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** {@code GET /api/version}: a cheap liveness check. */
  public RayVersion version() {
    return read(send("version", "GET", "/api/version", null, requestTimeout), RayVersion.class);
  }

  /**
   * {@code POST /api/jobs/}. When Ray refuses or fails the submission and the request carries a
   * submission id under which Ray already has a job (typically: an earlier attempt of the same
   * submit went through), that job is adopted and returned with {@code adopted = true} instead of
   * an error.
   */
  public RaySubmitResult submit(RaySubmitRequest request) {
    String body;
    try {
      body = mapper.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + request, e);
    }
    try {
      HttpResponse<String> response = send("submit", "POST", "/api/jobs/", body, requestTimeout);
      JsonNode json = read(response, JsonNode.class);
      String id = json.path("submission_id").asText(request.submissionId());
      log.info("Submitted Ray job {} ({})", id, request.entrypoint());
      return RaySubmitResult.submitted(id);
    } catch (RayException e) {
      if (request.submissionId() == null) {
        throw e;
      }
      Optional<RayJobDetails> existing;
      try {
        existing = get(request.submissionId());
      } catch (RayException lookup) {
        e.addSuppressed(lookup);
        throw e;
      }
      if (existing.isEmpty()) {
        throw e;
      }
      RayJobDetails job = existing.get();
      if (!Objects.equals(job.entrypoint(), request.entrypoint())) {
        log.warn(
            "Adopting Ray job {} whose entrypoint differs from the one submitted now",
            request.submissionId());
      }
      log.info(
          "Ray job {} already exists (status {}): adopted it", job.submissionId(), job.status());
      return RaySubmitResult.adopted(job);
    }
  }

  /** {@code GET /api/jobs/{id}}: the job by submission id (or Ray job id), empty if unknown. */
  public Optional<RayJobDetails> get(String submissionId) {
    HttpResponse<String> response =
        send("get job " + submissionId, "GET", jobPath(submissionId), null, requestTimeout, 404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(read(response, RayJobDetails.class));
  }

  /** {@code GET /api/jobs/}: submitted jobs and plain driver jobs. */
  public List<RayJobDetails> list() {
    HttpResponse<String> response = send("list jobs", "GET", "/api/jobs/", null, requestTimeout);
    return read(response, new TypeReference<List<RayJobDetails>>() {});
  }

  /** {@code GET /api/jobs/{id}/logs}: the job's whole log so far, empty if the job is unknown. */
  public Optional<String> logs(String submissionId) {
    HttpResponse<String> response =
        send(
            "logs of " + submissionId,
            "GET",
            jobPath(submissionId) + "/logs",
            null,
            requestTimeout,
            404);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(read(response, JsonNode.class).path("logs").asText(""));
  }

  /**
   * {@code POST /api/jobs/{id}/stop}. Returns Ray's {@code stopped}: false when the job had already
   * ended. An unknown job is a {@link RayException} with status 404.
   */
  public boolean stop(String submissionId) {
    HttpResponse<String> response =
        send("stop " + submissionId, "POST", jobPath(submissionId) + "/stop", null, requestTimeout);
    boolean stopped = read(response, JsonNode.class).path("stopped").asBoolean(false);
    log.info("Stop of Ray job {}: stopped={}", submissionId, stopped);
    return stopped;
  }

  /**
   * {@code DELETE /api/jobs/{id}}: forgets a job and its logs. Ray accepts it only for jobs in a
   * terminal status (else 4xx/5xx). An unknown job is a {@link RayException} with status 404.
   */
  public boolean delete(String submissionId) {
    HttpResponse<String> response =
        send("delete " + submissionId, "DELETE", jobPath(submissionId), null, requestTimeout);
    return read(response, JsonNode.class).path("deleted").asBoolean(false);
  }

  /**
   * {@code GET /api/packages/gcs/{name}}: whether the cluster holds the package. As with Ray's own
   * SDK, this also pins the package in the cluster for a while, so check right before submitting.
   */
  public boolean packageExists(String packageName) {
    HttpResponse<String> response =
        send(
            "check package " + packageName,
            "GET",
            packagePath(packageName),
            null,
            requestTimeout,
            404);
    return response.statusCode() != 404;
  }

  /**
   * {@code PUT /api/packages/gcs/{name}} with the zip's bytes. The dashboard accepts at most 100
   * MiB in one request.
   */
  public void uploadPackage(String packageName, Path zip) {
    HttpRequest.BodyPublisher body;
    long size;
    try {
      size = Files.size(zip);
      body = HttpRequest.BodyPublishers.ofFile(zip);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("Package file not found: " + zip, e);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read package file " + zip, e);
    }
    HttpRequest.Builder builder =
        request(packagePath(packageName), uploadTimeout)
            .header("Content-Type", "application/zip")
            .PUT(body);
    HttpResponse<String> response = execute("upload package " + packageName, builder.build());
    check("upload package " + packageName, response);
    log.info("Uploaded Ray package {} ({} bytes)", packageName, size);
  }

  // ------------------------------------------------------------------ plumbing

  private HttpResponse<String> send(
      String operation,
      String method,
      String path,
      String jsonBody,
      Duration timeout,
      int... tolerated) {
    HttpRequest.Builder builder = request(path, timeout);
    if (jsonBody != null) {
      builder.header("Content-Type", JSON);
    }
    builder.method(
        method,
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    HttpResponse<String> response = execute(operation, builder.build());
    for (int status : tolerated) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    check(operation, response);
    return response;
  }

  private HttpRequest.Builder request(String path, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).header("Accept", JSON);
    headers.forEach(builder::header);
    return builder;
  }

  /**
   * The request's timeout only bounds the wait for the response's headers; a body that stops
   * arriving would hang the call (and the activity until its own timeout). The whole exchange is
   * bounded by twice the request's timeout.
   */
  private HttpResponse<String> execute(String operation, HttpRequest request) {
    Duration bound = request.timeout().orElse(requestTimeout).multipliedBy(2);
    CompletableFuture<HttpResponse<String>> exchange =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    try {
      return exchange.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new RayException(
          RayException.Kind.UNREACHABLE,
          0,
          "",
          "Ray " + operation + " failed: no complete answer from " + baseUrl + " within " + bound,
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw unreachable(operation, io);
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new RayException(
          RayException.Kind.UNREACHABLE, 0, "", "Ray " + operation + " interrupted", e);
    }
  }

  private RayException unreachable(String operation, IOException e) {
    return new RayException(
        RayException.Kind.UNREACHABLE,
        0,
        "",
        "Ray " + operation + " failed: Ray at " + baseUrl + " unreachable: " + describe(e),
        e);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private void check(String operation, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    throw error(operation, status, response.body());
  }

  /** The exception for a non-2xx answer of Ray, classified by status and body. */
  static RayException error(String operation, int status, String responseBody) {
    String body = responseBody == null ? "" : responseBody;
    String rayMessage = rayMessage(body);
    RayException.Kind kind;
    if (status >= 400 && status < 500) {
      kind = RayException.Kind.CLIENT_ERROR;
    } else if (status >= 500) {
      // the head answers 500 when the job agent refused the request: look at the agent's status
      Matcher wrapped = WRAPPED_STATUS.matcher(body);
      kind =
          wrapped.find() && wrapped.group(1).startsWith("4")
              ? RayException.Kind.CLIENT_ERROR
              : RayException.Kind.SERVER_ERROR;
    } else {
      kind = RayException.Kind.PROTOCOL;
    }
    String hint = status == 413 ? " (the dashboard takes at most 100 MiB per request)" : "";
    return new RayException(
        kind,
        status,
        rayMessage,
        "Ray "
            + operation
            + " failed: HTTP "
            + status
            + hint
            + (rayMessage.isEmpty() ? "" : ": " + rayMessage),
        null);
  }

  /**
   * Ray answers errors in plain text, often a Python traceback: its last line (the exception) is
   * the message worth showing.
   */
  static String rayMessage(String body) {
    String text = body.strip();
    if (text.contains("Traceback (most recent call last)")) {
      String[] lines = text.split("\\R");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].strip();
        if (!line.isEmpty() && !line.equals(".")) {
          text = line;
          break;
        }
      }
    }
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
  }

  private <T> T read(HttpResponse<String> response, Class<T> type) {
    try {
      return mapper.readValue(response.body(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw unreadable(response, e);
    }
  }

  private <T> T read(HttpResponse<String> response, TypeReference<T> type) {
    try {
      return mapper.readValue(response.body(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw unreadable(response, e);
    }
  }

  private RayException unreadable(HttpResponse<String> response, Exception e) {
    return new RayException(
        RayException.Kind.PROTOCOL,
        response.statusCode(),
        "",
        "Unreadable answer from Ray at " + response.uri() + ": " + e.getMessage(),
        e);
  }

  private static String jobPath(String submissionId) {
    return "/api/jobs/" + segment(submissionId);
  }

  private static String packagePath(String packageName) {
    return "/api/packages/gcs/" + segment(packageName);
  }

  /** Percent-encodes one path segment (RFC 3986 unreserved characters stay as they are). */
  static String segment(String value) {
    if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException("Invalid id or name: '" + value + "'");
    }
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
