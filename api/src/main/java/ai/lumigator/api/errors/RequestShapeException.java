package ai.lumigator.api.errors;

import java.util.List;

/**
 * 422 with {@code detail} a list of {loc, msg, type}: a request body that a controller validates
 * itself (e.g. a discriminated union) and finds malformed.
 */
public class RequestShapeException extends RuntimeException {
  private final List<ValidationError> errors;

  public RequestShapeException(List<ValidationError> errors) {
    super(errors.isEmpty() ? "invalid request" : errors.get(0).msg());
    this.errors = List.copyOf(errors);
  }

  public List<ValidationError> errors() {
    return errors;
  }
}
