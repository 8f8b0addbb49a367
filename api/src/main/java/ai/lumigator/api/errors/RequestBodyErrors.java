package ai.lumigator.api.errors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Turns a body that Jackson could not read into a message without class names. */
final class RequestBodyErrors {
  private RequestBodyErrors() {}

  static String describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return "Extra inputs are not permitted: " + path(u);
    }
    if (cause instanceof InvalidFormatException f) {
      return "Invalid value " + f.getValue() + " for " + path(f);
    }
    if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return "Invalid type for " + path(m);
    }
    if (cause instanceof JsonMappingException m
        && m.getCause() instanceof IllegalArgumentException iae) {
      return iae.getMessage();
    }
    if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
      return "Field required";
    }
    return "JSON decode error";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
        .collect(Collectors.joining("."));
  }
}
