package ai.lumigator.api.errors;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a {@code loc} points in a request record, as the positions of its fields' declarations
 * ({@code ["body", "job_config", "model"]} → {@code [6, 1]}): pydantic validates fields in the
 * order they are declared and lists their problems so. A field the record does not declare (an
 * extra input) comes before the declared ones, as pydantic checks extras first; list items are at
 * their index.
 */
final class DeclarationOrder {
  private DeclarationOrder() {}

  static List<Integer> of(Object body, List<Object> loc) {
    List<Integer> positions = new ArrayList<>();
    Object value = body;
    Class<?> type = body.getClass();
    for (Object step : loc.subList(1, loc.size())) {
      if (step instanceof Integer index) {
        positions.add(index);
        value = value instanceof List<?> list && index < list.size() ? list.get(index) : null;
        type = value == null ? null : value.getClass();
        continue;
      }
      RecordComponent[] components =
          type != null && type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
      int at = -1;
      for (int i = 0; i < components.length; i++) {
        if (jsonName(components[i]).equals(step)) at = i;
      }
      positions.add(at);
      if (at < 0) break;
      value = value == null ? null : read(components[at], value);
      type = value != null ? value.getClass() : components[at].getType();
    }
    return positions;
  }

  /** The name Jackson reads it by: its field's {@code @JsonProperty} (accessors may be written). */
  private static String jsonName(RecordComponent c) {
    try {
      JsonProperty p =
          c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
      return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    } catch (NoSuchFieldException e) {
      return c.getName();
    }
  }

  private static Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
