package ai.lumigator.activities.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a local HTTP stub that answers the way Ray 2.60's dashboard does. */
class RayJobsClientTest {

  /** A real answer of GET /api/jobs/{id}, plus a field this client does not know. */
  static final String JOB_JSON =
      "{\"type\": \"SUBMISSION\", \"job_id\": null, \"submission_id\": \"job-1\", "
          + "\"driver_info\": {\"id\": \"02000000\", \"node_ip_address\": \"10.0.0.1\", \"pid\": \"42\", \"x\": 1}, "
          + "\"status\": \"SUCCEEDED\", \"entrypoint\": \"echo hi\", "
          + "\"message\": \"Job finished successfully.\", \"error_type\": null, "
          + "\"start_time\": 1795665927381, \"end_time\": 1795665928525, \"metadata\": {\"k\": \"v\"}, "
          + "\"runtime_env\": {\"working_dir\": \"gcs://_ray_pkg_abc.zip\", \"env_vars\": {\"api_key\": \"sk-secret\"}}, "
          + "\"driver_agent_http_address\": \"http://10.0.0.1:52365\", \"driver_node_id\": \"fd24\", "
          + "\"driver_exit_code\": 0, \"some_future_field\": [1, 2]}";

  static final String DUPLICATE_TRACEBACK =
      "Traceback (most recent call last):\n"
          + "  File \"job_head.py\", line 419, in submit_job\n"
          + "    resp = await job_agent_client.submit_job_internal(submit_request)\n"
          + "RuntimeError: Request failed with status code 400: Traceback (most recent call last):\n"
          + "  File \"job_manager.py\", line 554, in submit_job\n"
          + "    raise ValueError(\n"
          + "ValueError: Job with submission_id job-1 already exists. Please use a different submission_id.\n"
          + ".\n";

  record Seen(String method, String path, String body, Map<String, List<String>> headers) {}

  private HttpServer server;
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final Map<String, Responder> routes = new ConcurrentHashMap<>();
  private RayJobsClient client;

  interface Responder {
    void respond(HttpExchange exchange, String body) throws IOException;
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
          seen.add(
              new Seen(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  body,
                  Map.copyOf(exchange.getRequestHeaders())));
          Responder r = routes.get(key);
          if (r == null) {
            reply(exchange, 404, "404: Not Found");
          } else {
            r.respond(exchange, body);
          }
        });
    server.start();
    client =
        new RayJobsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private void route(String methodAndPath, int status, String body) {
    routes.put(methodAndPath, (ex, b) -> reply(ex, status, body));
  }

  @Test
  void versionIsRead() {
    route(
        "GET /api/version",
        200,
        "{\"version\": \"4\", \"ray_version\": \"2.60.0\", \"ray_commit\": \"b7f\", \"session_name\": \"s\", \"new\": 1}");
    RayVersion v = client.version();
    assertThat(v.version()).isEqualTo("4");
    assertThat(v.rayVersion()).isEqualTo("2.60.0");
    assertThat(v.sessionName()).isEqualTo("s");
  }

  @Test
  void submitPostsSnakeCaseJsonToTheTrailingSlashPath() throws Exception {
    route("POST /api/jobs/", 200, "{\"job_id\": \"job-1\", \"submission_id\": \"job-1\"}");
    RaySubmitRequest request =
        RaySubmitRequest.builder("java -jar lumigator-jobs.jar smoke --config '{}'")
            .submissionId("job-1")
            .workingDir("gcs://_ray_pkg_abc.zip")
            .envVar("MZAI_JOB_ID", "job-1")
            .metadata("job_type", "inference")
            .numCpus(1)
            .build();

    RaySubmitResult result = client.submit(request);

    assertThat(result).isEqualTo(RaySubmitResult.submitted("job-1"));
    Seen post = seen.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/api/jobs/");
    assertThat(post.headers().get("Content-type")).containsExactly("application/json");
    JsonNode json = new ObjectMapper().readTree(post.body());
    assertThat(json.get("entrypoint").asText())
        .isEqualTo("java -jar lumigator-jobs.jar smoke --config '{}'");
    assertThat(json.get("submission_id").asText()).isEqualTo("job-1");
    assertThat(json.at("/runtime_env/working_dir").asText()).isEqualTo("gcs://_ray_pkg_abc.zip");
    assertThat(json.at("/runtime_env/env_vars/MZAI_JOB_ID").asText()).isEqualTo("job-1");
    assertThat(json.at("/metadata/job_type").asText()).isEqualTo("inference");
    assertThat(json.get("entrypoint_num_cpus").asDouble()).isEqualTo(1.0);
    // absent options are left out, not sent as null (Ray's dataclass would take null, but keep it
    // lean)
    assertThat(json.has("entrypoint_num_gpus")).isFalse();
    assertThat(json.has("entrypoint_memory")).isFalse();
  }

  @Test
  void duplicateSubmissionIdIsAdopted() {
    route("POST /api/jobs/", 500, DUPLICATE_TRACEBACK);
    route("GET /api/jobs/job-1", 200, JOB_JSON);

    RaySubmitResult result =
        client.submit(RaySubmitRequest.builder("echo hi").submissionId("job-1").build());

    assertThat(result.adopted()).isTrue();
    assertThat(result.submissionId()).isEqualTo("job-1");
    assertThat(result.existing())
        .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(RayJobStatus.SUCCEEDED));
  }

  @Test
  void failedSubmitWithoutAnExistingJobKeepsTheOriginalError() {
    route(
        "POST /api/jobs/", 500, "Traceback (most recent call last):\n  File x\nKeyError: 'boom'\n");

    assertThatThrownBy(
            () -> client.submit(RaySubmitRequest.builder("echo").submissionId("job-2").build()))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.SERVER_ERROR);
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.rayMessage()).isEqualTo("KeyError: 'boom'");
              assertThat(e.isRetryable()).isTrue();
            });
    assertThat(seen).extracting(Seen::path).containsExactly("/api/jobs/", "/api/jobs/job-2");
  }

  @Test
  void badRequestIsANonRetryableClientError() {
    route(
        "POST /api/jobs/",
        400,
        "Traceback (most recent call last):\nTypeError: JobSubmitRequest.__init__() got an unexpected keyword argument 'x'\n");
    assertThatThrownBy(() -> client.submit(RaySubmitRequest.builder("echo").build()))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.isRetryable()).isFalse();
              assertThat(e.getMessage()).contains("unexpected keyword argument 'x'");
            });
  }

  @Test
  void a500WrappingTheAgentsA4xxIsAClientError() {
    route("POST /api/jobs/{x}/stop".replace("{x}", "j"), 500, DUPLICATE_TRACEBACK);
    assertThatThrownBy(() -> client.stop("j"))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void getParsesDetailsToleratingUnknownFieldsAndMapsNotFoundToEmpty() {
    route("GET /api/jobs/job-1", 200, JOB_JSON);
    route("GET /api/jobs/nope", 404, "Job nope does not exist");

    RayJobDetails job = client.get("job-1").orElseThrow();
    assertThat(job.type()).isEqualTo("SUBMISSION");
    assertThat(job.jobId()).isNull();
    assertThat(job.submissionId()).isEqualTo("job-1");
    assertThat(job.status()).isEqualTo(RayJobStatus.SUCCEEDED);
    assertThat(job.driverInfo().pid()).isEqualTo("42");
    assertThat(job.startTime()).isEqualTo(1795665927381L);
    assertThat(job.endInstant()).hasValue(java.time.Instant.ofEpochMilli(1795665928525L));
    assertThat(job.driverExitCode()).isZero();
    assertThat(job.metadata()).containsEntry("k", "v");
    assertThat(job.runtimeEnv()).containsEntry("working_dir", "gcs://_ray_pkg_abc.zip");

    assertThat(client.get("nope")).isEmpty();
  }

  @Test
  void jobDetailsNeverPrintSecretsFromTheRuntimeEnv() {
    route("GET /api/jobs/job-1", 200, JOB_JSON);
    RayJobDetails job = client.get("job-1").orElseThrow();
    assertThat(job.toString()).doesNotContain("sk-secret").contains("api_key=****");
    assertThat(job.redactedRuntimeEnv().toString()).doesNotContain("sk-secret");
    assertThat(job.runtimeEnv().toString()).contains("sk-secret"); // the raw map is untouched

    RaySubmitRequest request =
        RaySubmitRequest.builder("echo").envVar("api_key", "sk-secret").build();
    assertThat(request.toString()).doesNotContain("sk-secret").contains("api_key=****");
  }

  @Test
  void listLogsStopDeleteAndPackages(@TempDir Path tmp) throws IOException {
    route(
        "GET /api/jobs/",
        200,
        "[" + JOB_JSON + ", " + JOB_JSON.replace("SUBMISSION", "DRIVER") + "]");
    route("GET /api/jobs/job-1/logs", 200, "{\"logs\": \"line 1\\nline 2\\n\"}");
    route("GET /api/jobs/nope/logs", 404, "Job nope does not exist");
    route("POST /api/jobs/job-1/stop", 200, "{\"stopped\": false}");
    route("POST /api/jobs/nope/stop", 404, "Job nope does not exist");
    route("DELETE /api/jobs/job-1", 200, "{\"deleted\": true}");
    route("GET /api/packages/gcs/_ray_pkg_present.zip", 200, "");
    route(
        "GET /api/packages/gcs/_ray_pkg_absent.zip",
        404,
        "Package gcs://_ray_pkg_absent.zip does not exist");
    route("PUT /api/packages/gcs/_ray_pkg_absent.zip", 200, "");

    assertThat(client.list())
        .extracting(RayJobDetails::type)
        .containsExactly("SUBMISSION", "DRIVER");
    assertThat(client.logs("job-1")).hasValue("line 1\nline 2\n");
    assertThat(client.logs("nope")).isEmpty();
    assertThat(client.stop("job-1")).isFalse();
    assertThatThrownBy(() -> client.stop("nope"))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
              assertThat(e.rayMessage()).isEqualTo("Job nope does not exist");
            });
    assertThat(client.delete("job-1")).isTrue();
    assertThat(client.packageExists("_ray_pkg_present.zip")).isTrue();
    assertThat(client.packageExists("_ray_pkg_absent.zip")).isFalse();

    Path zip = tmp.resolve("p.zip");
    byte[] bytes = new byte[100_000];
    new java.util.Random(1).nextBytes(bytes);
    Files.write(zip, bytes);
    client.uploadPackage("_ray_pkg_absent.zip", zip);
    Seen put = seen.get(seen.size() - 1);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.body().getBytes(StandardCharsets.ISO_8859_1).length).isPositive();
    assertThat(put.headers().get("Content-length")).containsExactly("100000");
  }

  @Test
  void packagesAreUploadedOnlyWhenTheClusterLacksThem(@TempDir Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("run.sh"), "echo hi\n");
    RayPackages.RayPackage pkg = RayPackages.zipDirectory(dir, tmp.resolve("p.zip"));
    String path = "/api/packages/gcs/" + pkg.name();
    java.util.concurrent.atomic.AtomicBoolean stored =
        new java.util.concurrent.atomic.AtomicBoolean();
    routes.put("GET " + path, (ex, b) -> reply(ex, stored.get() ? 200 : 404, ""));
    routes.put(
        "PUT " + path,
        (ex, b) -> {
          stored.set(b.length() > 0);
          reply(ex, 200, "");
        });
    RayPackages packages = new RayPackages(client);

    assertThat(packages.ensureUploaded(pkg)).isEqualTo("gcs://" + pkg.name());
    assertThat(packages.ensureUploaded(pkg)).isEqualTo("gcs://" + pkg.name());

    assertThat(seen)
        .extracting(s -> s.method() + " " + s.path())
        .containsExactly("GET " + path, "PUT " + path, "GET " + path);
  }

  @Test
  void theJobsJarIsZippedOncePerVersionAndReuploadedOnlyWhenTheClusterLostIt(@TempDir Path tmp)
      throws IOException {
    Path jar = Files.writeString(tmp.resolve("jobs.jar"), "version one");
    java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
    server.createContext(
        "/api/packages/gcs/",
        ex -> {
          String name = ex.getRequestURI().getRawPath().substring("/api/packages/gcs/".length());
          seen.add(new Seen(ex.getRequestMethod(), name, "", Map.of()));
          ex.getRequestBody().readAllBytes();
          if (ex.getRequestMethod().equals("PUT")) stored.add(name);
          reply(ex, ex.getRequestMethod().equals("PUT") || stored.contains(name) ? 200 : 404, "");
        });
    RayPackages packages = new RayPackages(client);

    String first = packages.ensureJobsJarUploaded(jar);
    String again = packages.ensureJobsJarUploaded(jar);
    assertThat(again).isEqualTo(first);
    assertThat(packages.zipsBuilt()).isEqualTo(1);
    assertThat(seen).extracting(Seen::method).containsExactly("GET", "PUT", "GET");

    stored.clear(); // Ray dropped the unused package
    assertThat(packages.ensureJobsJarUploaded(jar)).isEqualTo(first);
    assertThat(packages.zipsBuilt()).isEqualTo(2);
    assertThat(stored).containsExactly(first.substring("gcs://".length()));

    Files.writeString(jar, "version two, longer");
    String changed = packages.ensureJobsJarUploaded(jar);
    assertThat(changed).isNotEqualTo(first);
    assertThat(packages.zipsBuilt()).isEqualTo(3);
  }

  @Test
  void uploadRefusedAsTooLargeSaysWhy(@TempDir Path tmp) throws IOException {
    route("PUT /api/packages/gcs/_ray_pkg_big.zip", 413, "Maximum request body size exceeded");
    Path zip = Files.write(tmp.resolve("big.zip"), new byte[10]);
    assertThatThrownBy(() -> client.uploadPackage("_ray_pkg_big.zip", zip))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
              assertThat(e.getMessage()).contains("100 MiB");
            });
  }

  @Test
  void idsArePercentEncodedAsOnePathSegment() {
    route("GET /api/jobs/a%2Fb%20c", 404, "Job does not exist");
    assertThat(client.get("a/b c")).isEmpty();
    assertThat(seen.get(0).path()).isEqualTo("/api/jobs/a%2Fb%20c");
    assertThatThrownBy(() -> client.get("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unreadableAnswerIsAProtocolError() {
    route("GET /api/version", 200, "<html>not ray</html>");
    assertThatThrownBy(() -> client.version())
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.PROTOCOL);
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void connectionRefusedIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RayJobsClient down = new RayJobsClient(URI.create("http://127.0.0.1:" + port));
    assertThatThrownBy(down::version)
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(RayException.Kind.UNREACHABLE);
              assertThat(e.statusCode()).isZero();
              assertThat(e.isRetryable()).isTrue();
              assertThat(e.getMessage()).contains("127.0.0.1:" + port);
            });
  }

  /** A client of the stub whose requests time out after 200 ms. */
  private RayJobsClient impatientClient() {
    return new RayJobsClient(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        Duration.ofSeconds(1),
        Duration.ofMillis(200));
  }

  @Test
  void slowAnswerTimesOutAsUnreachable() {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    routes.put(
        "GET /api/version",
        (ex, b) -> {
          try {
            release.await(); // the stub stalls until the client has given up
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(ex, 200, "{}");
        });
    RayJobsClient impatient = impatientClient();
    try {
      assertThatThrownBy(impatient::version)
          .isInstanceOfSatisfying(
              RayException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RayException.Kind.UNREACHABLE);
                assertThat(e.getMessage()).contains("HttpTimeoutException");
              });
    } finally {
      release.countDown();
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60) // without the bound the call below never returns
  void anAnswerWhoseBodyStopsArrivingFailsRetryablyInsteadOfHanging() {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    routes.put(
        "GET /api/version",
        (ex, b) -> {
          ex.sendResponseHeaders(200, 100); // promises 100 bytes, sends one, then stalls
          ex.getResponseBody().write('{');
          ex.getResponseBody().flush();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    RayJobsClient impatient = impatientClient();
    try {
      assertThatThrownBy(impatient::version)
          .isInstanceOfSatisfying(
              RayException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RayException.Kind.UNREACHABLE);
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.getMessage()).contains("no complete answer").contains("PT0.4S");
              });
    } finally {
      release.countDown();
    }
  }

  @Test
  void rayMessageIsTheLastLineOfATraceback() {
    assertThat(RayJobsClient.rayMessage(DUPLICATE_TRACEBACK))
        .isEqualTo(
            "ValueError: Job with submission_id job-1 already exists. Please use a different submission_id.");
    assertThat(RayJobsClient.rayMessage("  Job x does not exist \n"))
        .isEqualTo("Job x does not exist");
  }

  @Test
  void statusTerminality() {
    assertThat(RayJobStatus.PENDING.isTerminal()).isFalse();
    assertThat(RayJobStatus.RUNNING.isTerminal()).isFalse();
    assertThat(RayJobStatus.STOPPED.isTerminal()).isTrue();
    assertThat(RayJobStatus.SUCCEEDED.isTerminal()).isTrue();
    assertThat(RayJobStatus.FAILED.isTerminal()).isTrue();
    assertThat(RayJobStatus.parse("running")).isEqualTo(RayJobStatus.RUNNING);
  }
}
