package ai.lumigator.activities.ray;

/**
 * A failed call to Ray's Jobs API. {@link #kind()} says whether Ray could not be reached, refused
 * the request (4xx: do not retry), or failed itself (5xx: retry).
 */
public class RayException extends RuntimeException {

  public enum Kind {
    /** Connection refused, reset or timed out: Ray may come back. */
    UNREACHABLE,
    /**
     * Ray refused the request (4xx), including a 500 from the head that wraps a 4xx from the job
     * agent, e.g. an invalid runtime_env. Retrying the same request will not help.
     */
    CLIENT_ERROR,
    /** Ray failed while handling the request (5xx). */
    SERVER_ERROR,
    /** Ray answered 2xx with a body this client cannot read. */
    PROTOCOL
  }

  private final Kind kind;
  private final int statusCode;
  private final String rayMessage;

  public RayException(
      Kind kind, int statusCode, String rayMessage, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.statusCode = statusCode;
    this.rayMessage = rayMessage;
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status of Ray's answer; 0 when there was none. */
  public int statusCode() {
    return statusCode;
  }

  /** Ray's own message (last line of its traceback, or its plain-text answer); may be empty. */
  public String rayMessage() {
    return rayMessage;
  }

  public boolean isNotFound() {
    return statusCode == 404;
  }

  /** Whether repeating the same call may succeed: unreachable or server errors. */
  public boolean isRetryable() {
    return kind == Kind.UNREACHABLE || kind == Kind.SERVER_ERROR;
  }
}
