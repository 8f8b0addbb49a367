package ai.lumigator.api.secrets;

import ai.lumigator.api.errors.Characters;
import ai.lumigator.api.errors.FieldLimits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /settings/secrets/{name}}. Lengths count characters (code points). */
@Schema(name = "SecretUploadRequest")
public record SecretUploadRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = SecretsController.MIN_VALUE,
            maxLength = SecretsController.MAX_VALUE,
            description = "the secret, e.g. a provider API key; stored encrypted, never shown")
        @NotNull
        @Characters(min = SecretsController.MIN_VALUE, max = SecretsController.MAX_VALUE)
        String value,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what the secret is for")
        @NotNull
        @Characters(max = FieldLimits.DESCRIPTION)
        String description) {

  @Override
  public String toString() {
    return "SecretUploadRequest[value=****, description=" + description + "]";
  }
}
