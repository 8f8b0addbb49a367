package ai.lumigator.activities.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Ray head of the local stack (LUMIGATOR_RAY_URL, default 127.0.0.1:8265). */
@Tag("stack")
class RayJobsClientStackTest {

  private static final Duration JOB_DEADLINE = Duration.ofSeconds(120);
  private static final Duration POLL = Duration.ofMillis(250);

  private static RayJobsClient client;
  private static RayPackages packages;
  private static final List<String> submitted = new ArrayList<>();

  @TempDir Path tmp;

  @BeforeAll
  static void connect() {
    client =
        new RayJobsClient(
            RayJobsClient.urlFromEnv(System.getenv(), URI.create("http://127.0.0.1:8265")));
    packages = new RayPackages(client);
  }

  @AfterAll
  static void forgetJobs() {
    for (String id : submitted) {
      client.get(id).filter(j -> j.status().isTerminal()).ifPresent(j -> client.delete(id));
    }
  }

  private static String newId(String what) {
    String id = "lumigator-test-" + what + "-" + UUID.randomUUID();
    submitted.add(id);
    return id;
  }

  /** Polls until the job reaches one of {@code wanted}, or fails at the deadline with its logs. */
  private static RayJobDetails await(String id, Set<RayJobStatus> wanted) {
    Instant deadline = Instant.now().plus(JOB_DEADLINE);
    RayJobDetails last = null;
    while (Instant.now().isBefore(deadline)) {
      last = client.get(id).orElse(null);
      if (last != null && wanted.contains(last.status())) {
        return last;
      }
      if (last != null && last.status().isTerminal()) {
        break; // terminal but not wanted: it will never change
      }
      LockSupport.parkNanos(POLL.toNanos());
    }
    return fail(
        "Ray job %s did not reach %s within %s; last: %s; logs: %s",
        id, wanted, JOB_DEADLINE, last, client.logs(id).orElse("<none>"));
  }

  @Test
  void versionAnswers() {
    RayVersion version = client.version();
    assertThat(version.version()).isNotBlank();
    assertThat(version.rayVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(version.sessionName()).isNotBlank();
  }

  @Test
  void uploadedDirectoryPackageRunsAsWorkingDirAndADuplicateSubmitIsAdopted() throws IOException {
    String token = UUID.randomUUID().toString();
    Path dir = Files.createDirectories(tmp.resolve("pkg"));
    Files.writeString(
        dir.resolve("run.sh"), "echo \"lumigator-ray-ok $1 $GREETING\"\ncat data/input.txt\n");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/input.txt"), "input-" + token + "\n");
    RayPackages.RayPackage pkg = RayPackages.zipDirectory(dir, tmp.resolve("pkg.zip"));

    assertThat(client.packageExists(pkg.name())).isFalse(); // content is new (random token)
    String uri = packages.ensureUploaded(pkg);
    assertThat(uri).isEqualTo("gcs://" + pkg.name());
    assertThat(client.packageExists(pkg.name())).isTrue();
    assertThat(packages.ensureUploaded(pkg)).isEqualTo(uri); // present: no second upload needed

    String id = newId("script");
    RaySubmitRequest request =
        RaySubmitRequest.builder("sh run.sh " + token)
            .submissionId(id)
            .workingDir(uri)
            .envVar("GREETING", "hello-from-env")
            .metadata("lumigator_job_type", "test")
            .numCpus(0.5)
            .build();
    RaySubmitResult result = client.submit(request);
    assertThat(result).isEqualTo(RaySubmitResult.submitted(id));

    RayJobDetails done = await(id, Set.of(RayJobStatus.SUCCEEDED));
    assertThat(done.submissionId()).isEqualTo(id);
    assertThat(done.type()).isEqualTo("SUBMISSION");
    assertThat(done.entrypoint()).isEqualTo("sh run.sh " + token);
    assertThat(done.driverExitCode()).isZero();
    assertThat(done.startTime()).isPositive();
    assertThat(done.endTime()).isGreaterThanOrEqualTo(done.startTime());
    assertThat(done.metadata()).containsEntry("lumigator_job_type", "test");
    assertThat(done.runtimeEnv()).containsEntry("working_dir", uri);
    assertThat(done.toString()).doesNotContain("hello-from-env");

    String logs = client.logs(id).orElseThrow();
    assertThat(logs)
        .contains("lumigator-ray-ok " + token + " hello-from-env")
        .contains("input-" + token);

    RaySubmitResult again = client.submit(request);
    assertThat(again.adopted()).isTrue();
    assertThat(again.submissionId()).isEqualTo(id);
    assertThat(again.existing())
        .hasValueSatisfying(j -> assertThat(j.status()).isEqualTo(RayJobStatus.SUCCEEDED));
    assertThat(client.list()).extracting(RayJobDetails::submissionId).contains(id);

    assertThat(client.delete(id)).isTrue();
    assertThat(client.get(id)).isEmpty();
  }

  @Test
  void jobsJarPackageRunsWithJavaDashJar() throws Exception {
    Path jar = buildHelloJar(tmp);
    String uri = packages.ensureJobsJarUploaded(jar);
    assertThat(uri).matches("gcs://_ray_pkg_[0-9a-f]{40}\\.zip");
    assertThat(packages.ensureJobsJarUploaded(jar)).isEqualTo(uri); // deterministic name

    String id = newId("jar");
    client.submit(
        RaySubmitRequest.builder("java -jar lumigator-jobs.jar smoke --config '{\"n\": 1}'")
            .submissionId(id)
            .workingDir(uri)
            .envVar("MZAI_JOB_ID", id)
            .build());

    await(id, Set.of(RayJobStatus.SUCCEEDED));
    assertThat(client.logs(id).orElseThrow())
        .contains("hello-jar args=[smoke, --config, {\"n\": 1}] job=" + id);
  }

  @Test
  void longJobIsStopped() {
    String id = newId("sleep");
    client.submit(RaySubmitRequest.builder("sleep 60").submissionId(id).build());
    await(id, Set.of(RayJobStatus.RUNNING));
    Instant stopAt = Instant.now();

    assertThat(client.stop(id)).isTrue();

    RayJobDetails stopped = await(id, Set.of(RayJobStatus.STOPPED));
    assertThat(Duration.between(stopAt, Instant.now())).isLessThan(Duration.ofSeconds(50));
    assertThat(stopped.endTime()).isNotNull();
    assertThat(client.stop(id)).isFalse(); // already terminal
  }

  @Test
  void failingEntrypointEndsFailedWithItsExitCodeAndOutput() {
    String id = newId("fail");
    client.submit(
        RaySubmitRequest.builder("sh -c 'echo boom-on-stderr >&2; exit 3'")
            .submissionId(id)
            .build());
    RayJobDetails failed = await(id, Set.of(RayJobStatus.FAILED));
    assertThat(failed.driverExitCode()).isEqualTo(3);
    assertThat(failed.message()).isNotBlank();
    assertThat(client.logs(id).orElseThrow()).contains("boom-on-stderr");
  }

  @Test
  void missingWorkingDirPackageFailsTheJobNotTheSubmit() {
    String id = newId("nopkg");
    client.submit(
        RaySubmitRequest.builder("echo never")
            .submissionId(id)
            .workingDir("gcs://_ray_pkg_" + "0".repeat(40) + ".zip")
            .build());
    RayJobDetails failed = await(id, Set.of(RayJobStatus.FAILED));
    assertThat(failed.message()).isNotBlank();
    assertThat(failed.errorType()).isNotBlank();
  }

  @Test
  void unknownJobsAreEmptyOrNotFound() {
    String id = "lumigator-test-unknown-" + UUID.randomUUID();
    assertThat(client.get(id)).isEmpty();
    assertThat(client.logs(id)).isEmpty();
    assertThatThrownBy(() -> client.stop(id))
        .isInstanceOfSatisfying(
            RayException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
              assertThat(e.getMessage()).contains(id);
            });
    assertThat(client.packageExists("_ray_pkg_" + "f".repeat(40) + ".zip")).isFalse();
  }

  @Test
  void realDuplicateSubmissionErrorIsClassifiedAsClientError() throws Exception {
    // Ray's actual answer to a duplicate submission_id, fetched without the client's adoption
    String id = newId("dup");
    client.submit(RaySubmitRequest.builder("echo first").submissionId(id).build());
    java.net.http.HttpResponse<String> raw =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/jobs/"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"entrypoint\": \"echo second\", \"submission_id\": \"" + id + "\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isGreaterThanOrEqualTo(400);

    RayException e = RayJobsClient.error("submit", raw.statusCode(), raw.body());
    assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.rayMessage()).contains(id).contains("already exists");

    // through the client, the same situation is an adoption, not an error
    RaySubmitResult adopted =
        client.submit(RaySubmitRequest.builder("echo first").submissionId(id).build());
    assertThat(adopted.adopted()).isTrue();
    await(id, Set.of(RayJobStatus.SUCCEEDED));
    assertThat(client.logs(id).orElseThrow()).contains("first").doesNotContain("second");
  }

  @Test
  void malformedRequestIsA400ClientError() throws Exception {
    java.net.http.HttpResponse<String> raw =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                java.net.http.HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/jobs/"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"entrypoint\": \"echo\", \"entrypoint_num_cpus\": \"many\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    RayException e = RayJobsClient.error("submit", raw.statusCode(), raw.body());
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.kind()).isEqualTo(RayException.Kind.CLIENT_ERROR);
    assertThat(e.rayMessage()).contains("entrypoint_num_cpus must be a number");
  }

  /** Compiles a tiny main class and packs it into an executable jar. */
  static Path buildHelloJar(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/hello"));
    Files.writeString(
        src.resolve("Hello.java"),
        "package hello;\n"
            + "public class Hello {\n"
            + "  public static void main(String[] args) {\n"
            + "    System.out.println(\"hello-jar args=\" + java.util.Arrays.toString(args)"
            + " + \" job=\" + System.getenv(\"MZAI_JOB_ID\"));\n"
            + "  }\n"
            + "}\n");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("tests need a JDK").isNotNull();
    int rc =
        javac.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-d",
            classes.toString(),
            src.resolve("Hello.java").toString());
    assertThat(rc).isZero();

    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "hello.Hello");
    Path jar = dir.resolve("lumigator-jobs-test-all.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      JarEntry entry = new JarEntry("hello/Hello.class");
      entry.setTime(0);
      jarOut.putNextEntry(entry);
      jarOut.write(Files.readAllBytes(classes.resolve("hello/Hello.class")));
      jarOut.closeEntry();
    }
    return jar;
  }
}
