package ai.lumigator.activities.secrets;

import ai.lumigator.activities.jobs.SecretResolver;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/**
 * The worker's {@link SecretResolver}: a secret that no longer decrypts (the key changed) fails the
 * submit at once instead of being retried forever.
 */
public final class RaySecretResolver implements SecretResolver {
  public static final String UNREADABLE = "SecretUnreadable";

  private final SecretStore store;

  public RaySecretResolver(SecretStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> valueOf(String name) {
    try {
      return store.valueOf(name);
    } catch (SecretDecryptionException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), UNREADABLE);
    }
  }
}
