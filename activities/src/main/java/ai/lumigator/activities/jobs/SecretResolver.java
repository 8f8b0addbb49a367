package ai.lumigator.activities.jobs;

import java.util.Optional;

/** Decrypted secret values by name, for handing to a Ray job as its {@code api_key}. */
@FunctionalInterface
public interface SecretResolver {
  Optional<String> valueOf(String name);
}
