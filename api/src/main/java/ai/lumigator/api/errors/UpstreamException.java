package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/** 503 "Upstream error with {service}: {message}": S3, Ray or Temporal did not answer. */
public class UpstreamException extends ApiException {
  public UpstreamException(String service, String message, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "Upstream error with " + service + ": " + message, cause);
  }
}
