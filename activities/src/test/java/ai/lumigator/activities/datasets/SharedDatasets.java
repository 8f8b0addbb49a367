package ai.lumigator.activities.datasets;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample datasets in {@code shared/data} beside the repository (or $LUMIGATOR_SHARED_DATA). */
final class SharedDatasets {
  private SharedDatasets() {}

  /** The folder; fails (never skips) when it is missing. */
  static Path dir() {
    String env = System.getenv("LUMIGATOR_SHARED_DATA");
    if (env != null && Files.isDirectory(Path.of(env))) {
      return Path.of(env);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isRegularFile(candidate.resolve("dialogsum_500.csv"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data was not found beside the repository; set LUMIGATOR_SHARED_DATA");
  }
}
