package ai.lumigator.activities.secrets;

/**
 * A stored secret could not be decrypted: it was encrypted with another key, stored under another
 * name, or altered. The message names the secret, never its value.
 */
public class SecretDecryptionException extends RuntimeException {
  public SecretDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
