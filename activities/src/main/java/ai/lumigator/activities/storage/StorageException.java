package ai.lumigator.activities.storage;

import java.util.Optional;

/**
 * Any failure of the object store, with the key (or prefix) involved. {@link #isNotFound()} tells a
 * missing object or bucket apart from other failures; {@link #statusCode()} carries the HTTP status
 * when the store answered (0 when it did not, e.g. connection refused).
 */
public class StorageException extends RuntimeException {

  private final String key;
  private final boolean notFound;
  private final int statusCode;

  public StorageException(
      String message, String key, boolean notFound, int statusCode, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.notFound = notFound;
    this.statusCode = statusCode;
  }

  public static StorageException notFound(String bucket, String key, Throwable cause) {
    return new StorageException(
        "Object not found: s3://" + bucket + "/" + key, key, true, 404, cause);
  }

  /** The object key or prefix the operation was about (may be empty for bucket operations). */
  public String key() {
    return key;
  }

  public boolean isNotFound() {
    return notFound;
  }

  /** HTTP status returned by the store, 0 when there was no answer. */
  public int statusCode() {
    return statusCode;
  }

  /** True for 401/403: bad credentials or policy; retrying will not help. */
  public boolean isAccessDenied() {
    return statusCode == 401 || statusCode == 403;
  }

  /** The store's error code (e.g. {@code AccessDenied}, {@code NoSuchKey}) when there is one. */
  public Optional<String> errorCode() {
    Throwable c = getCause();
    if (c instanceof software.amazon.awssdk.awscore.exception.AwsServiceException ase
        && ase.awsErrorDetails() != null) {
      return Optional.ofNullable(ase.awsErrorDetails().errorCode());
    }
    return Optional.empty();
  }
}
