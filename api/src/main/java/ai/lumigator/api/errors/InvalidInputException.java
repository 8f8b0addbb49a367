package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/**
 * 422: the request is well-formed but its content is not acceptable (e.g. a CSV without examples).
 */
public class InvalidInputException extends ApiException {
  public InvalidInputException(String message) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, message);
  }
}
