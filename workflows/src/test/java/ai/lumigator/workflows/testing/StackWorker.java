package ai.lumigator.workflows.testing;

import ai.lumigator.workflows.WorkerApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real worker application, started in-process against the local stack, on the test namespace
 * (so a worker of `make run` on the default namespace never takes the tests' tasks) and a fresh
 * SQLite file.
 */
public final class StackWorker {
  public static final String TEST_NAMESPACE = "lumigator-test";

  /** The secret key of test processes (LUMIGATOR_SECRET_KEY): base64 of 32 fixed bytes. */
  public static final String TEST_SECRET_KEY = "bHVtaWdhdG9yLXRlc3Qta2V5LW9mLTMyLWJ5dGVzLi4=";

  private StackWorker() {}

  public static ConfigurableApplicationContext start(Path dataDir, String... extraProperties) {
    // command-line arguments outrank the YAML files (builder properties would not)
    List<String> args = new ArrayList<>();
    args.addAll(testNamespaceUnlessSet(extraProperties));
    args.add("--lumigator.database.url=jdbc:sqlite:" + dataDir.resolve("lumigator.db"));
    args.add("--lumigator.jobs.jar=" + jobsJar());
    args.addAll(testSecretKeyUnlessSet(extraProperties));
    for (String p : extraProperties) args.add("--" + p);
    return new SpringApplicationBuilder(WorkerApplication.class)
        .properties("spring.config.name=worker")
        .run(args.toArray(String[]::new));
  }

  /**
   * The shared test namespace as an argument, unless the properties name one (e.g. a {@link
   * TestNamespaces#fresh()} one; a repeated key would join both values).
   */
  public static List<String> testNamespaceUnlessSet(String... properties) {
    for (String p : properties) {
      if (p.startsWith("spring.temporal.namespace=")) return List.of();
    }
    return List.of("--spring.temporal.namespace=" + TEST_NAMESPACE);
  }

  /** The test secret key as an argument, unless the properties set one (a repeated key joins). */
  public static List<String> testSecretKeyUnlessSet(String... properties) {
    for (String p : properties) {
      if (p.startsWith("lumigator.secrets.key=")) return List.of();
    }
    return List.of("--lumigator.secrets.key=" + TEST_SECRET_KEY);
  }

  /** The jobs jar the reactor built (LUMIGATOR_JOBS_JAR when set). */
  public static Path jobsJar() {
    String fromEnv = System.getenv("LUMIGATOR_JOBS_JAR");
    if (fromEnv != null && !fromEnv.isBlank()) return Path.of(fromEnv);
    Path target = Path.of("..", "jobs", "target").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("lumigator-jobs-.*-all\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no jobs jar in " + target + "; build the jobs module first"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "no jobs jar in " + target + "; build the jobs module first", e);
    }
  }
}
