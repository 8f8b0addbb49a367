package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/** 413. */
public class PayloadTooLargeException extends ApiException {
  public PayloadTooLargeException(String message) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, message);
  }
}
