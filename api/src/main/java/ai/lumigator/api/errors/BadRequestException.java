package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/** 400: the request cannot be carried out as asked (e.g. a secret that is not configured). */
public class BadRequestException extends ApiException {
  public BadRequestException(String message) {
    super(HttpStatus.BAD_REQUEST, message);
  }
}
