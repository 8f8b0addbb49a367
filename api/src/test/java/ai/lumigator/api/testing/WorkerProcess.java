package ai.lumigator.api.testing;

import ai.lumigator.workflows.testing.StackWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One worker as its own JVM, started from the exec jar the workflows module built, configured only
 * through {@code LUMIGATOR_*} environment variables as a deployment would be.
 */
public final class WorkerProcess implements AutoCloseable {
  static final String READY_LINE = "Lumigator worker started";

  private final String identity;
  private final Process process;
  private final Path log;

  private WorkerProcess(String identity, Process process, Path log) {
    this.identity = identity;
    this.process = process;
    this.log = log;
  }

  /** Starts the worker with a small, quickly started JVM; {@link #awaitReady} waits for it. */
  public static WorkerProcess start(
      String identity, String namespace, String databaseUrl, Path logDir) throws IOException {
    return start(
        identity,
        namespace,
        databaseUrl,
        logDir,
        List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        Map.of());
  }

  /**
   * Starts the worker with these JVM options and these {@code LUMIGATOR_*} settings on top of the
   * test's own; {@link #awaitReady} waits for it.
   */
  public static WorkerProcess start(
      String identity,
      String namespace,
      String databaseUrl,
      Path logDir,
      List<String> jvmOptions,
      Map<String, String> settings)
      throws IOException {
    Files.createDirectories(logDir);
    Path log = logDir.resolve(identity + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", execJar().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    // the rest (S3, Ray, Temporal target) is inherited from the stack environment of the test
    Map<String, String> env = builder.environment();
    env.put("LUMIGATOR_WORKER_IDENTITY", identity);
    env.put("LUMIGATOR_TEMPORAL_NAMESPACE", namespace);
    env.put("LUMIGATOR_DB_URL", databaseUrl);
    env.put("LUMIGATOR_SECRET_KEY", StackWorker.TEST_SECRET_KEY);
    env.put("LUMIGATOR_JOBS_JAR", StackWorker.jobsJar().toString());
    env.putAll(settings);
    return new WorkerProcess(identity, builder.start(), log);
  }

  /** Starts the worker and waits until it is ready (90 s at most). */
  public static WorkerProcess startReady(
      String identity,
      String namespace,
      String databaseUrl,
      Path logDir,
      List<String> jvmOptions,
      Map<String, String> settings)
      throws IOException, InterruptedException {
    WorkerProcess worker = start(identity, namespace, databaseUrl, logDir, jvmOptions, settings);
    try {
      worker.awaitReady(Duration.ofSeconds(90));
    } catch (RuntimeException | IOException | InterruptedException e) {
      worker.close();
      throw e;
    }
    return worker;
  }

  /** Waits until the worker logged that its Temporal workers started. */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains(READY_LINE)) return;
      if (!process.isAlive()) {
        throw new IllegalStateException(
            identity + " exited with " + process.exitValue() + " before it was ready: " + tail());
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(identity + " not ready within " + timeout + ": " + tail());
  }

  public String identity() {
    return identity;
  }

  /** SIGKILL: no shutdown hook runs, in-flight tasks are abandoned as by a crashed node. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(identity + " still alive 30 s after SIGKILL");
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public String tail() throws IOException {
    if (!Files.exists(log)) return "(no log)";
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) return;
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
  }

  /** The worker's exec jar from this reactor build (workflows is built before api). */
  public static Path execJar() {
    Path target = Path.of("..", "workflows", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("lumigator-workflows-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> noJar(target));
    } catch (IOException e) {
      throw noJar(target);
    }
  }

  private static IllegalStateException noJar(Path target) {
    return new IllegalStateException(
        "no lumigator-workflows-*-exec.jar in " + target + "; run mvn install first");
  }
}
