package ai.lumigator.api.errors;

import ai.lumigator.persistence.DatabaseErrors;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place errors become responses: always JSON {@code {"detail": ...}} (whatever the client's
 * Accept header), never a stack trace or an internal class name. Request-shape errors are 422 with
 * a list of {loc, msg, type}; other client errors carry a message; anything unexpected is 500
 * "Internal error (ref id)" with the same id in the log. Errors that never reach a controller go
 * through {@link JsonErrorController}.
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
    return shape(e.errors());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
    String where = e.getParameter().hasParameterAnnotation(PathVariable.class) ? "path" : "query";
    Class<?> type = e.getRequiredType();
    String expected = type == null ? "value" : type.getSimpleName().toLowerCase();
    if (type == UUID.class) {
      return shape(
          new ValidationError(
              List.of(where, e.getName()), "Input should be a valid UUID", "uuid_parsing"));
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return shape(
          new ValidationError(
              List.of(where, e.getName()),
              "Input should be a valid integer, unable to parse string as an integer",
              "int_parsing"));
    }
    if (type == boolean.class || type == Boolean.class) {
      return shape(
          new ValidationError(
              List.of(where, e.getName()),
              "Input should be a valid boolean, unable to interpret input",
              "bool_parsing"));
    }
    if (type != null && type.isEnum()) {
      String allowed =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> "'" + c.toString().toLowerCase() + "'")
              .collect(Collectors.joining(", "));
      return shape(
          new ValidationError(
              List.of(where, e.getName()), "Input should be one of " + allowed, "enum"));
    }
    return shape(
        new ValidationError(
            List.of(where, e.getName()), "Input should be a valid " + expected, "type_error"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Map<String, Object>> missingParam(MissingServletRequestParameterException e) {
    return shape(
        new ValidationError(List.of("query", e.getParameterName()), "Field required", "missing"));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<Map<String, Object>> missingHeader(MissingRequestHeaderException e) {
    return shape(
        new ValidationError(List.of("header", e.getHeaderName()), "Field required", "missing"));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<Map<String, Object>> missingPart(MissingServletRequestPartException e) {
    return shape(
        new ValidationError(List.of("body", e.getRequestPartName()), "Field required", "missing"));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Map<String, Object>> invalidBody(MethodArgumentNotValidException e) {
    List<ValidationError> errors = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(f -> errors.add(fieldError(f)));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(
            g ->
                errors.add(
                    new ValidationError(List.of("body"), g.getDefaultMessage(), "value_error")));
    return shape(errors);
  }

  /** Constraint annotations on {@code @RequestParam}, {@code @PathVariable}... (Spring 6.1+). */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Map<String, Object>> invalidParameters(HandlerMethodValidationException e) {
    List<ValidationError> errors = new ArrayList<>();
    e.getParameterValidationResults()
        .forEach(
            result -> {
              var parameter = result.getMethodParameter();
              String where =
                  parameter.hasParameterAnnotation(PathVariable.class)
                      ? "path"
                      : parameter.hasParameterAnnotation(RequestHeader.class) ? "header" : "query";
              String name =
                  parameter.getParameterName() == null
                      ? "arg" + parameter.getParameterIndex()
                      : parameter.getParameterName();
              for (MessageSourceResolvable error : result.getResolvableErrors()) {
                List<Object> loc =
                    error instanceof FieldError f
                        ? List.of("body", f.getField())
                        : List.of(where, name);
                errors.add(new ValidationError(loc, error.getDefaultMessage(), "value_error"));
              }
            });
    return shape(errors);
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
    return shape(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return shape(RequestBodyErrors.describe(e));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    MediaType type = e.getContentType();
    String sent = type == null ? "none" : type.getType() + "/" + type.getSubtype();
    return detail(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type '" + sent + "'; send " + mediaTypes(e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return detail(
        HttpStatus.NOT_ACCEPTABLE,
        "Not Acceptable: this endpoint answers " + mediaTypes(e.getSupportedMediaTypes()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return respond(HttpStatus.METHOD_NOT_ALLOWED, e.getHeaders(), "Method Not Allowed");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e) {
    return detail(HttpStatus.NOT_FOUND, "Not Found");
  }

  /** The client went away mid-response: nothing to answer, nothing to alarm anyone about. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void clientGone(AsyncRequestNotUsableException e) {
    log.debug("Client disconnected: {}", e.getMessage());
  }

  /**
   * Everything else. Spring's own client errors (they carry a 4xx status: a missing path variable
   * value, a too-large upload, a ResponseStatusException...) keep their status and reason; anything
   * else is a 500 with a reference id and no internals.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    if (e instanceof ErrorResponse er && er.getStatusCode().is4xxClientError()) {
      HttpStatusCode status = er.getStatusCode();
      return respond(status, er.getHeaders(), reason(status));
    }
    if (DatabaseErrors.isBusy(e)) return databaseBusy(e);
    return internal(e);
  }

  /**
   * The database stayed locked by another connection for the whole busy timeout (the bounded wait):
   * nothing was written, and the same request later will pass.
   */
  static ResponseEntity<Map<String, Object>> databaseBusy(Throwable e) {
    log.warn(
        "Database busy: {}",
        DatabaseErrors.sqlCause(e).map(DatabaseErrors::summary).orElse(e.toString()));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(DATABASE_BUSY_RETRY_AFTER_SECONDS));
    return respond(
        HttpStatus.SERVICE_UNAVAILABLE,
        headers,
        "The database is busy (another process holds its lock); nothing was changed. Try again in"
            + " a few seconds.");
  }

  static final int DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;

  /** 500 "Internal error (ref id)", logged with the same id and the stack trace. */
  static ResponseEntity<Map<String, Object>> internal(Throwable e) {
    String ref = UUID.randomUUID().toString().substring(0, 8);
    log.error("Internal error (ref {})", ref, e);
    return detail(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error (ref " + ref + ")");
  }

  static String reason(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "Error " + status.value() : known.getReasonPhrase();
  }

  static ResponseEntity<Map<String, Object>> detail(HttpStatusCode status, String message) {
    return respond(status, HttpHeaders.EMPTY, message);
  }

  // An explicit JSON content type: Spring then writes the body even when the client's Accept
  // header asked for something else (else a 406 would come back empty).
  private static ResponseEntity<Map<String, Object>> respond(
      HttpStatusCode status, HttpHeaders headers, Object detail) {
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("detail", detail));
  }

  private static ResponseEntity<Map<String, Object>> shape(ValidationError error) {
    return shape(List.of(error));
  }

  private static ResponseEntity<Map<String, Object>> shape(List<ValidationError> errors) {
    return respond(HttpStatus.UNPROCESSABLE_ENTITY, HttpHeaders.EMPTY, errors);
  }

  private static ValidationError fieldError(FieldError f) {
    if ("NotNull".equals(f.getCode())) {
      return new ValidationError(List.of("body", f.getField()), "Field required", "missing");
    }
    return new ValidationError(List.of("body", f.getField()), f.getDefaultMessage(), "value_error");
  }

  private static String mediaTypes(List<MediaType> types) {
    if (types == null || types.isEmpty()) return MediaType.APPLICATION_JSON_VALUE;
    return types.stream()
        .filter(t -> !t.isWildcardType() && !t.isWildcardSubtype())
        .map(MediaType::toString)
        .distinct()
        .collect(Collectors.joining(" or "));
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }
}
