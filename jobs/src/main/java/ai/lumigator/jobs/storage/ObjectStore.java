package ai.lumigator.jobs.storage;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * The few object-store operations the job programs need. {@link S3ObjectStore} talks to S3; {@link
 * LocalObjectStore} maps the same addresses onto a local folder (tests, local runs). Failures are
 * {@link StorageException}s.
 */
public interface ObjectStore extends AutoCloseable {

  /** Opens an object for streaming; the caller closes the stream. */
  InputStream open(S3Location location);

  /** Writes (replaces) an object from bytes. */
  void put(S3Location location, byte[] content, String contentType);

  /** Writes (replaces) an object from a local file, streaming it. */
  void put(S3Location location, Path file, String contentType);

  /**
   * Writes (replaces) an object at most once, quickly, without waiting out an unreachable store:
   * for writes that the next one supersedes (progress). The default is {@link #put(S3Location,
   * byte[], String)}.
   */
  default void putOnce(S3Location location, byte[] content, String contentType) {
    put(location, content, contentType);
  }

  /** Removes an object; removing one that is not there is not an error. */
  void delete(S3Location location);

  @Override
  default void close() {}
}
