package ai.lumigator.activities.secrets;

/**
 * The secret-encryption key is missing or unusable. Thrown at start-up, so the API and the worker
 * refuse to run instead of failing at the first secret. The message never contains the key.
 */
public class SecretKeyException extends IllegalStateException {
  public SecretKeyException(String message) {
    super(message);
  }
}
