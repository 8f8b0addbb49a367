package ai.lumigator.api.errors;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place errors become responses: always {@code {"detail": ...}}, never a stack trace or an
 * internal class name. Request-shape errors are 422 with a list of {loc, msg, type}.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> api(ApiException e) {
    return detail(e.status(), e.getMessage());
  }

  @ExceptionHandler(RequestShapeException.class)
  ResponseEntity<Map<String, Object>> shape(RequestShapeException e) {
    return ResponseEntity.unprocessableEntity().body(Map.of("detail", e.errors()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    String where =
        e.getParameter()
                .hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
            ? "path"
            : "query";
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    String msg =
        "UUID".equals(expected)
            ? "Input should be a valid UUID"
            : "Input should be a valid " + expected.toLowerCase();
    return shape(
        new ValidationError(
            List.of(where, e.getName()),
            msg,
            "uuid".equals(expected.toLowerCase()) ? "uuid_parsing" : "type_error"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParam(MissingServletRequestParameterException e) {
    return shape(
        new ValidationError(List.of("query", e.getParameterName()), "Field required", "missing"));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e) {
    List<ValidationError> errors = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                errors.add(
                    new ValidationError(
                        List.of("body", f.getField()), f.getDefaultMessage(), "value_error")));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors.add(
                    new ValidationError(List.of("body"), g.getDefaultMessage(), "value_error")));
    return ResponseEntity.unprocessableEntity().body(Map.of("detail", errors));
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Map<String, Object>> constraint(ConstraintViolationException e) {
    List<ValidationError> errors = new ArrayList<>();
    e.getConstraintViolations()
        .forEach(
            v ->
                errors.add(
                    new ValidationError(
                        List.of("query", lastNode(v.getPropertyPath().toString())),
                        v.getMessage(),
                        "value_error")));
    return ResponseEntity.unprocessableEntity().body(Map.of("detail", errors));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    String msg = RequestBodyErrors.describe(e);
    return shape(new ValidationError(List.of("body"), msg, "json_invalid"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return detail(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type " + e.getContentType());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return detail(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
    return detail(HttpStatus.NOT_FOUND, "Not Found");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    log.error("Internal error (ref {})", ref, e);
    return detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error (ref " + ref + ")");
  }

  private static ResponseEntity<Map<String, Object>> detail(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("detail", message));
  }

  private static ResponseEntity<Map<String, Object>> shape(ValidationError error) {
    return ResponseEntity.unprocessableEntity().body(Map.of("detail", List.of(error)));
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
