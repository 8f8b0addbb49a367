package ai.lumigator.api.secrets;

import ai.lumigator.activities.secrets.SecretStore;
import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.api.openapi.ApiErrorResponses;
import ai.lumigator.persistence.secrets.UpsertOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Named secrets (provider API keys) that jobs hand to Ray as {@code api_key}. */
@RestController
@RequestMapping("/api/v1/settings/secrets")
@Tag(name = "settings", description = "Secrets: stored encrypted, listed without their values")
public class SecretsController {
  static final int MIN_NAME = 1;
  static final int MAX_NAME = 255;
  static final int MIN_VALUE = 1;
  static final int MAX_VALUE = 1024;

  private static final Logger log = LoggerFactory.getLogger(SecretsController.class);

  private final SecretStore store;

  public SecretsController(SecretStore store) {
    this.store = store;
  }

  @GetMapping({"", "/"})
  @Operation(
      operationId = "listSecrets",
      summary = "List secrets",
      description = "Names and descriptions; never a value.")
  public List<SecretResponse> list() {
    return store.list().stream().map(SecretResponse::of).toList();
  }

  @PutMapping("/{secret_name}")
  @Operation(
      operationId = "putSecret",
      summary = "Create or replace a secret",
      description =
          "Names are case-insensitive (stored lower-case), 1..255 characters. The value (1..1024"
              + " characters) is encrypted with AES-256-GCM before it is stored.")
  @ApiResponse(responseCode = "201", description = "Created")
  @ApiResponse(responseCode = "204", description = "Updated")
  @ApiErrorResponses.Validation
  public ResponseEntity<Void> put(
      @Parameter(
              description = "the secret's name, e.g. openai_api_key",
              schema = @Schema(minLength = MIN_NAME, maxLength = MAX_NAME))
          @PathVariable("secret_name")
          String name,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody
          SecretUploadRequest request) {
    List<ValidationError> errors = new ArrayList<>();
    checkLength(errors, List.of("path", "secret_name"), name, MIN_NAME, MAX_NAME);
    if (!errors.isEmpty()) throw new RequestShapeException(errors);

    UpsertOutcome outcome = store.put(name, request.description(), request.value());
    log.info(
        "Secret {} {}", name.toLowerCase(Locale.ROOT), outcome.name().toLowerCase(Locale.ROOT));
    return ResponseEntity.status(
            outcome == UpsertOutcome.CREATED ? HttpStatus.CREATED : HttpStatus.NO_CONTENT)
        .build();
  }

  @DeleteMapping("/{secret_name}")
  @Operation(
      operationId = "deleteSecret",
      summary = "Delete a secret",
      description = "204 also when there is no such secret.")
  @ApiResponse(responseCode = "204", description = "Deleted (or absent)")
  @ApiErrorResponses.Validation
  public ResponseEntity<Void> delete(
      @Parameter(schema = @Schema(minLength = MIN_NAME, maxLength = MAX_NAME))
          @PathVariable("secret_name")
          String name) {
    List<ValidationError> errors = new ArrayList<>();
    checkLength(errors, List.of("path", "secret_name"), name, MIN_NAME, MAX_NAME);
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    if (store.delete(name)) log.info("Secret {} deleted", name.toLowerCase(Locale.ROOT));
    return ResponseEntity.noContent().build();
  }

  /** Characters as a person (and Python's len) counts them: code points, not UTF-16 units. */
  private static void checkLength(
      List<ValidationError> errors, List<Object> loc, String s, int min, int max) {
    ValidationError e = Characters.Check.problem(loc, s, min, max);
    if (e != null) errors.add(e);
  }
}
