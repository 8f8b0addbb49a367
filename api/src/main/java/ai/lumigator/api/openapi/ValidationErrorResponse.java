package ai.lumigator.api.openapi;

import ai.lumigator.api.errors.ValidationError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The documented body of a 422 request-shape error (FastAPI's HTTPValidationError). */
@Schema(
    name = "HTTPValidationError",
    description =
        "Request-shape error: {\"detail\": [{\"loc\": [...], \"msg\": ..., \"type\": ...}]}")
public record ValidationErrorResponse(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ValidationError> detail) {}
