package ai.lumigator.activities.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aborts multipart uploads left behind under some prefixes: an upload whose abort failed (the store
 * was down when the upload failed) keeps its parts in the store until someone aborts it, and nobody
 * else knows its id. An upload older than {@code maxAge} is taken to be abandoned, so the bound
 * must exceed the longest real upload. Uploads the store lists without an initiation time are aged
 * from the first sweep that saw them.
 *
 * <p>Idempotent and safe to run in several processes at once (aborting an upload already gone is
 * not an error). Not thread-safe: one caller at a time.
 */
public final class StaleUploadSweep {
  private static final Logger log = LoggerFactory.getLogger(StaleUploadSweep.class);

  private final S3Storage storage;
  private final List<String> prefixes;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private boolean storeDown;

  public StaleUploadSweep(S3Storage storage, List<String> prefixes, Duration maxAge, Clock clock) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.prefixes = List.copyOf(prefixes);
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxAge.isNegative()) throw new IllegalArgumentException("maxAge < 0: " + maxAge);
  }

  /**
   * One pass over the prefixes. Never throws for a store failure: an unreachable store is logged
   * once (and once when it answers again) and the next pass tries again.
   *
   * @return the uploads aborted by this pass
   */
  public int sweep() {
    int aborted = 0;
    Instant now = clock.instant();
    Map<String, Instant> seen = new HashMap<>();
    try {
      for (String prefix : prefixes) {
        for (PendingUpload upload : storage.listMultipartUploads(prefix)) {
          Instant since =
              upload.initiated() != null
                  ? upload.initiated()
                  : firstSeen.getOrDefault(upload.uploadId(), now);
          seen.put(upload.uploadId(), since);
          Duration age = Duration.between(since, now);
          if (age.compareTo(maxAge) < 0) continue;
          storage.abortMultipartUpload(upload.key(), upload.uploadId());
          seen.remove(upload.uploadId());
          aborted++;
          log.info(
              "Aborted stale multipart upload {} of s3://{}/{} (begun {} s ago)",
              upload.uploadId(),
              storage.bucket(),
              upload.key(),
              age.toSeconds());
        }
      }
    } catch (StorageException e) {
      if (!storeDown) {
        log.warn("Stale upload sweep: the object store does not answer: {}", e.getMessage());
        storeDown = true;
      }
      return aborted; // keep what was seen before: the ages carry over
    }
    if (storeDown) {
      log.info("Stale upload sweep: the object store answers again");
      storeDown = false;
    }
    firstSeen.clear();
    firstSeen.putAll(seen);
    return aborted;
  }
}
