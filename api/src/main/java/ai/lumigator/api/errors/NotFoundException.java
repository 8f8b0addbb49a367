package ai.lumigator.api.errors;

import org.springframework.http.HttpStatus;

/** 404 "{Resource} with ID {id} not found". */
public class NotFoundException extends ApiException {
  public NotFoundException(String resource, Object id) {
    super(HttpStatus.NOT_FOUND, resource + " with ID " + id + " not found");
  }
}
