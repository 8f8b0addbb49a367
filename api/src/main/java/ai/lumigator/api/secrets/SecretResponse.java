package ai.lumigator.api.secrets;

import ai.lumigator.persistence.secrets.SecretSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** A stored secret as listed: its name and description, never its value. */
@Schema(name = "SecretGetRequest")
public record SecretResponse(String name, String description) {
  static SecretResponse of(SecretSummary summary) {
    return new SecretResponse(summary.name(), summary.description());
  }
}
