package ai.lumigator.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample datasets the tests read: {@code jobs/src/test/resources/sample-data} of this
 * repository (found from the working folder up, so every module's tests find it), or the folder
 * $LUMIGATOR_TEST_DATA names. Nothing outside the clone is needed.
 */
public final class SampleData {
  static final String ENV = "LUMIGATOR_TEST_DATA";
  static final Path IN_REPOSITORY = Path.of("jobs", "src", "test", "resources", "sample-data");

  private SampleData() {}

  /** The folder; fails (never skips) when it is missing. */
  public static Path dir() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      Path dir = Path.of(env);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(ENV + "=" + env + " is not a folder");
      }
      return dir;
    }
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      Path candidate = p.resolve(IN_REPOSITORY);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no "
            + IN_REPOSITORY
            + " in "
            + start
            + " or above; set "
            + ENV
            + " to the datasets' folder");
  }

  /** One file of the folder; fails when it is not there. */
  public static Path file(String name) {
    Path file = dir().resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no sample dataset " + file);
    }
    return file;
  }
}
