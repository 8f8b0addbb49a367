package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/**
 * A failure the client should see, with its status and a message a person can act on. Subclasses
 * name the kind; {@link ApiExceptionHandler} maps every one to {@code {"detail": message}}.
 */
public abstract class ApiException extends RuntimeException {
  private final HttpStatus status;

  protected ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  protected ApiException(HttpStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
