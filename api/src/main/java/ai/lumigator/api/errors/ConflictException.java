package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/** 409: the resource is not in a state that allows this (e.g. a result of a job still running). */
public class ConflictException extends ApiException {
  public ConflictException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
