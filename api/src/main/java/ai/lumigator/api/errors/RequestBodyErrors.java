package ai.lumigator.api.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Turns a body that Jackson could not read into one {loc, msg, type} item the way FastAPI reports
 * it: {@code loc} is {@code ["body", field, ...]}, no class names, no echo of the input.
 */
final class RequestBodyErrors {
  private RequestBodyErrors() {}

  static ValidationError describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonParseException) {
      return new ValidationError(List.of("body"), "JSON decode error", "json_invalid");
    }
    if (cause instanceof UnrecognizedPropertyException u) {
      return new ValidationError(loc(u), "Extra inputs are not permitted", "extra_forbidden");
    }
    if (cause instanceof InvalidFormatException f) {
      return expected(loc(f), f.getTargetType());
    }
    if (cause instanceof JsonMappingException m
        && m.getCause() instanceof IllegalArgumentException iae) {
      return new ValidationError(loc(m), iae.getMessage(), "value_error");
    }
    if (cause instanceof MismatchedInputException m) {
      if (m.getPath().isEmpty() && isEndOfInput(m)) {
        return new ValidationError(List.of("body"), "Field required", "missing");
      }
      return expected(loc(m), m.getTargetType());
    }
    if (cause instanceof JsonMappingException m) {
      return new ValidationError(loc(m), "Invalid value", "value_error");
    }
    if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return new ValidationError(List.of("body"), "Field required", "missing");
    }
    return new ValidationError(List.of("body"), "JSON decode error", "json_invalid");
  }

  /** What pydantic says when a value is not of the field's type. */
  static ValidationError expected(List<Object> loc, Class<?> type) {
    if (type == null) return new ValidationError(loc, "Invalid value", "value_error");
    if (type == String.class || type.isEnum()) {
      return new ValidationError(loc, "Input should be a valid string", "string_type");
    }
    if (type == UUID.class) {
      return new ValidationError(loc, "Input should be a valid UUID", "uuid_parsing");
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return new ValidationError(loc, "Input should be a valid integer", "int_type");
    }
    if (type == Double.class
        || type == double.class
        || type == Float.class
        || type == float.class) {
      return new ValidationError(loc, "Input should be a valid number", "float_type");
    }
    if (type == Boolean.class || type == boolean.class) {
      return new ValidationError(loc, "Input should be a valid boolean", "bool_type");
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return new ValidationError(loc, "Input should be a valid list", "list_type");
    }
    if (Map.class.isAssignableFrom(type)) {
      return new ValidationError(loc, "Input should be a valid dictionary", "dict_type");
    }
    return new ValidationError(
        loc,
        "Input should be a valid dictionary or object to extract fields from",
        "model_attributes_type");
  }

  private static boolean isEndOfInput(MismatchedInputException m) {
    return m.getOriginalMessage() != null && m.getOriginalMessage().contains("end-of-input");
  }

  private static List<Object> loc(JsonMappingException e) {
    List<Object> loc = new ArrayList<>();
    loc.add("body");
    for (JsonMappingException.Reference r : e.getPath()) {
      loc.add(r.getFieldName() != null ? r.getFieldName() : r.getIndex());
    }
    return loc;
  }
}
