package ai.lumigator.workflows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Infrastructure of a fault test's own: the components it disrupts (any of {@code s3}, {@code
 * temporal}, {@code ray}) started by {@code deploy/local/stack.sh} on free ports with a temporary
 * data dir, so stopping them never touches the shared stack or a user's {@code make run}. The rest
 * of the test uses the shared stack, whose settings come from the environment as for every stack
 * test. A private Ray head's jobs reach S3 through the Ray head's environment, so a test that
 * disrupts S3 during a job starts both.
 *
 * <p>{@link #stop} / {@link #start} inject the fault and end it (returning how long the command
 * took); {@link #close} stops what this instance started and deletes its data.
 */
public final class PrivateStack implements AutoCloseable {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final List<String> components;
  private final Path dataDir;
  private final Map<String, String> env = new LinkedHashMap<>();

  private PrivateStack(List<String> components, Path dataDir) {
    this.components = components;
    this.dataDir = dataDir;
  }

  /** Starts the given components (s3, temporal, ray) of a new private stack. */
  public static PrivateStack startNew(String... components) {
    PrivateStack stack;
    try {
      // short: Ray's unix sockets under its temp dir must stay below 108 bytes
      stack =
          new PrivateStack(List.of(components), Files.createTempDirectory(Path.of("/tmp"), "lf-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    stack.env.put("LUMIGATOR_DATA_DIR", stack.dataDir.resolve("data").toString());
    stack.env.put("LUMIGATOR_RAY_TEMP_DIR", stack.dataDir.resolve("ray").toString());
    stack.env.put("LUMIGATOR_S3_PORT", String.valueOf(freePort()));
    stack.env.put("LUMIGATOR_TEMPORAL_PORT", String.valueOf(freePort()));
    stack.env.put("LUMIGATOR_TEMPORAL_UI_PORT", String.valueOf(freePort()));
    stack.env.put("LUMIGATOR_RAY_DASHBOARD_PORT", String.valueOf(freePort()));
    stack.env.put("LUMIGATOR_RAY_GCS_PORT", String.valueOf(freePort()));
    stack.env.put("LUMIGATOR_RAY_PORT_BASE", String.valueOf(freePortRange(100)));
    stack.env.put("LUMIGATOR_RAY_NUM_CPUS", "1");
    stack.env.put("LUMIGATOR_API_PORT", String.valueOf(freePort()));
    try {
      stack.run("start", components);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  public String temporalTarget() {
    return "127.0.0.1:" + env.get("LUMIGATOR_TEMPORAL_PORT");
  }

  public String s3Endpoint() {
    return "http://127.0.0.1:" + env.get("LUMIGATOR_S3_PORT");
  }

  public String rayUrl() {
    return "http://127.0.0.1:" + env.get("LUMIGATOR_RAY_DASHBOARD_PORT");
  }

  /** The API's base URL, once {@code start("api")} has started it. */
  public String apiUrl() {
    return "http://127.0.0.1:" + env.get("LUMIGATOR_API_PORT");
  }

  /**
   * Every live process of this stack, pid → component ({@code stack.sh pids}): those it recorded
   * and their descendants, and the Ray head's processes (job programs included).
   */
  public Map<Long, String> processes() {
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("deploy/local/stack.sh").toString(), "pids")
            .redirectError(ProcessBuilder.Redirect.appendTo(dataDir.resolve("stack.log").toFile()));
    builder.environment().putAll(env);
    try {
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IllegalStateException("stack.sh pids failed: " + log());
      }
      Map<Long, String> pids = new LinkedHashMap<>();
      for (String line : out.split("\n")) {
        String[] f = line.trim().split(" ");
        if (f.length == 2) pids.put(Long.parseLong(f[1]), f[0]);
      }
      return pids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Spring properties ("key=value") pointing the API and worker at this stack's components (the
   * others stay on the shared stack's).
   */
  public List<String> properties() {
    List<String> p = new ArrayList<>();
    if (components.contains("temporal")) {
      p.add("spring.temporal.connection.target=" + temporalTarget());
    }
    if (components.contains("s3")) p.add("lumigator.s3.endpoint=" + s3Endpoint());
    if (components.contains("ray")) p.add("lumigator.ray.url=" + rayUrl());
    return p;
  }

  /** The same as {@code LUMIGATOR_*} variables, for a worker or API run as its own process. */
  public Map<String, String> environment() {
    Map<String, String> e = new LinkedHashMap<>();
    if (components.contains("temporal")) e.put("LUMIGATOR_TEMPORAL_TARGET", temporalTarget());
    if (components.contains("s3")) e.put("LUMIGATOR_S3_ENDPOINT", s3Endpoint());
    if (components.contains("ray")) e.put("LUMIGATOR_RAY_URL", rayUrl());
    return e;
  }

  /** The pid stack.sh recorded for a process it started (s3, temporal, api, worker). */
  public long pid(String component) {
    try {
      return Long.parseLong(
          Files.readString(dataDir.resolve("data/run/" + component + ".pid")).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log stack.sh writes a component's output to. */
  public Path log(String component) {
    return dataDir.resolve("data/logs/" + component + ".log");
  }

  /** The folder the private S3Proxy keeps its buckets in (filesystem backend: one folder each). */
  public Path s3Dir() {
    return dataDir.resolve("data/s3");
  }

  /** Stops one component (the fault begins); returns how long stopping took. */
  public Duration stop(String component) {
    return run("stop", component);
  }

  /** Starts it again (the fault ends once this returns: stack.sh waits until it answers). */
  public Duration start(String component) {
    return run("start", component);
  }

  private Duration run(String command, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("deploy/local/stack.sh").toString());
    cmd.add(command);
    cmd.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(dataDir.resolve("stack.log").toFile()));
    builder.environment().putAll(env);
    long t0 = System.nanoTime();
    try {
      Process p = builder.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("stack.sh " + cmd + " hung; see " + log());
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("stack.sh " + cmd + " failed: " + log());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private String log() {
    try {
      return Files.readString(dataDir.resolve("stack.log"));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    try {
      run("stop", "all");
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temp dir is harmless
      }
    }
  }

  /**
   * A free port in 30000-32767: below the kernel's ephemeral range, from which every process's
   * random binds (Ray's raylet, agents and workers, on the shared head too) and outgoing
   * connections take theirs. A port from that range, free when chosen, could be taken before the
   * component bound it (seen once: the private dashboard's port answered by a gRPC server).
   */
  private static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 30_000 + ThreadLocalRandom.current().nextInt(0, 2_768);
      if (portFree(port)) return port;
    }
    throw new IllegalStateException("no free port in 30000-32767");
  }

  /** The first of {@code size} consecutive free ports, below the kernel's ephemeral range. */
  private static int freePortRange(int size) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base = 20_000 + ThreadLocalRandom.current().nextInt(0, 100) * 100;
      boolean free = true;
      for (int p = base; p < base + size && free; p++) free = portFree(p);
      if (free) return base;
    }
    throw new IllegalStateException("no " + size + " consecutive free ports in 20000-30000");
  }

  private static boolean portFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
