package ai.lumigator.activities.datasets;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The name a dataset is stored under: the client's file name with any path part removed (after the
 * last {@code /} or {@code \}), control characters removed, surrounding whitespace trimmed. It
 * becomes one segment of an object key and is never used as a local path.
 */
public final class DatasetFilenames {
  /** Longest name accepted, in UTF-8 bytes (S3 keys hold at most 1024). */
  public static final int MAX_BYTES = 255;

  private DatasetFilenames() {}

  /** The stored name, or empty when nothing usable is left ("", ".", ".."). */
  public static Optional<String> sanitize(String clientName) {
    if (clientName == null) {
      return Optional.empty();
    }
    StringBuilder kept = new StringBuilder(clientName.length());
    clientName
        .codePoints()
        .filter(cp -> !Character.isISOControl(cp))
        .forEach(kept::appendCodePoint);
    String name = kept.toString();
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return Optional.empty();
    }
    return Optional.of(name);
  }

  /** True when {@code name} is already a stored name (what an ingest accepts). */
  public static boolean isValid(String name) {
    return name != null
        && sanitize(name).filter(name::equals).isPresent()
        && name.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
