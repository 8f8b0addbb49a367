package ai.lumigator.jobs.storage;

/** A read or write of an object failed; the message names the object and the cause. */
public class StorageException extends RuntimeException {
  private final boolean notFound;

  public StorageException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public StorageException(String message, Throwable cause, boolean notFound) {
    super(message, cause);
    this.notFound = notFound;
  }

  /** True when the object does not exist. */
  public boolean notFound() {
    return notFound;
  }
}
