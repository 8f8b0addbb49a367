package ai.lumigator.activities.secrets;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** Reads the AES-256 key that encrypts stored secrets, from {@value #ENV} (base64 of 32 bytes). */
public final class SecretKeys {
  public static final String ENV = "LUMIGATOR_SECRET_KEY";
  public static final int KEY_BYTES = 32;

  static final String HOW_TO =
      " The API and the worker must share one key: generate it once with `openssl rand -base64 32`"
          + " and set "
          + ENV
          + " for both processes (`make run` does this for the local stack).";

  private SecretKeys() {}

  /**
   * @param base64 the key as {@value #ENV} holds it; surrounding whitespace is ignored
   * @throws SecretKeyException when it is absent, not base64, or not 32 bytes (the message never
   *     repeats the value)
   */
  public static SecretKey parse(String base64) {
    if (base64 == null || base64.isBlank()) {
      throw new SecretKeyException(ENV + " is not set." + HOW_TO);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new SecretKeyException(ENV + " is not valid base64." + HOW_TO);
    }
    if (bytes.length != KEY_BYTES) {
      throw new SecretKeyException(
          ENV
              + " decodes to "
              + bytes.length
              + " bytes; AES-256 needs exactly "
              + KEY_BYTES
              + "."
              + HOW_TO);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
