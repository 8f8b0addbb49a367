package ai.lumigator.api.secrets;

import ai.lumigator.api.errors.StrictString;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of {@code PUT /settings/secrets/{name}}. Lengths count characters (code points). */
@Schema(name = "SecretUploadRequest")
public record SecretUploadRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = SecretsController.MIN_VALUE,
            maxLength = SecretsController.MAX_VALUE,
            description = "the secret, e.g. a provider API key; stored encrypted, never shown")
        @JsonDeserialize(using = StrictString.class)
        String value,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what the secret is for")
        @JsonDeserialize(using = StrictString.class)
        String description) {

  @Override
  public String toString() {
    return "SecretUploadRequest[value=****, description=" + description + "]";
  }
}
