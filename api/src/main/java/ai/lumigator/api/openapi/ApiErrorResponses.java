package ai.lumigator.api.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Error responses to put on controller methods, so the document shows the {@code {"detail": ...}}
 * bodies the handler really sends. Every operation also gets a 500 (see {@link OpenApiConfig}).
 */
public final class ApiErrorResponses {
  private ApiErrorResponses() {}

  /** 422: a list of {loc, msg, type}. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "422",
      description = "Validation Error",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ValidationErrorResponse.class)))
  public @interface Validation {}

  /** 400 with a message. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "400",
      description = "Bad Request",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ErrorResponse.class)))
  public @interface BadRequest {}

  /** 404 "{Resource} with ID {id} not found". */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "404",
      description = "Not Found",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ErrorResponse.class)))
  public @interface NotFound {}

  /** 409 with a message. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "409",
      description = "Conflict",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ErrorResponse.class)))
  public @interface Conflict {}
}
