package ai.lumigator.jobs.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the sample datasets in {@code shared/data} beside the repository (or
 * $LUMIGATOR_SHARED_DATA).
 */
public final class SharedData {
  private SharedData() {}

  public static Optional<Path> dir() {
    String env = System.getenv("LUMIGATOR_SHARED_DATA");
    if (env != null && Files.isDirectory(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("dialogsum_500.csv"))) {
        return Optional.of(candidate);
      }
      p = p.getParent();
    }
    return Optional.empty();
  }

  public static Path file(String name) {
    return required().resolve(name);
  }

  /** The folder; fails (never skips) when it is missing. */
  public static Path required() {
    return dir()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the sample datasets (shared/data beside the repository) were not found;"
                        + " set LUMIGATOR_SHARED_DATA to their folder"));
  }
}
