package ai.lumigator.api.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

/** The documented body of every error that is not a request-shape error. */
@Schema(name = "ErrorResponse", description = "Every error: {\"detail\": \"<message>\"}")
public record ErrorResponse(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            example = "Dataset with ID 0a0e4e8e-6e8d-4a0b-9b3b-2f9a3c2d1e00 not found")
        String detail) {}
