package ai.lumigator.jobs.storage;

import ai.lumigator.jobs.config.JobConfigJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a JSON document to an object through a temporary file (no whole-document byte array). */
public final class StoredJson {
  private StoredJson() {}

  /** Serialises {@code value} with the jobs' mapper and uploads it to {@code location}. */
  public static void write(ObjectStore store, S3Location location, Object value) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile("lumigator-", ".json");
      JobConfigJson.mapper().writeValue(tmp.toFile(), value);
      store.put(location, tmp, "application/json");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serialise JSON for " + location + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }
}
