package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request-shape errors found by checking a job request built from another request (a workflow's, an
 * experiment's), reported where the client put the value: {@code ["body", "job_config", k, ...]}
 * becomes {@code ["body", k', ...]} with {@code k'} the client's name for the field.
 */
public final class ShapeErrors {
  private ShapeErrors() {}

  /**
   * @param renamed job field name → the client's field name, for those whose names differ
   */
  public static RequestShapeException relocated(
      List<RequestShapeException> failures, Map<String, String> renamed) {
    Set<ValidationError> errors = new LinkedHashSet<>();
    for (RequestShapeException failure : failures) {
      for (ValidationError e : failure.errors()) {
        errors.add(new ValidationError(relocate(e.loc(), renamed), e.msg(), e.type()));
      }
    }
    return new RequestShapeException(new ArrayList<>(errors));
  }

  private static List<Object> relocate(List<Object> loc, Map<String, String> renamed) {
    if (loc.size() < 3 || !"body".equals(loc.get(0)) || !"job_config".equals(loc.get(1))) {
      return loc;
    }
    List<Object> moved = new ArrayList<>();
    moved.add("body");
    Object field = loc.get(2);
    moved.add(renamed.getOrDefault(String.valueOf(field), String.valueOf(field)));
    moved.addAll(loc.subList(3, loc.size()));
    return moved;
  }
}
