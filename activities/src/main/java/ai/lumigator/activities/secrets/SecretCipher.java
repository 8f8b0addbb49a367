package ai.lumigator.activities.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for secret values at rest. Each value gets a fresh random 96-bit nonce, stored in
 * front of the ciphertext; the secret's (lower-case) name is the associated data, so a ciphertext
 * copied to another name does not decrypt. Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖
 * 128-bit tag). Thread-safe.
 */
public final class SecretCipher {
  static final String VERSION = "v1:";
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public SecretCipher(SecretKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** A cipher with the key in {@value SecretKeys#ENV}'s form (base64 of 32 bytes). */
  public static SecretCipher fromBase64Key(String base64) {
    return new SecretCipher(SecretKeys.parse(base64));
  }

  public String encrypt(String name, String value) {
    Objects.requireNonNull(value, "value");
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(name));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return VERSION + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      // AES-GCM is mandatory in every JDK: this is a broken runtime, not bad input
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * @throws SecretDecryptionException when the stored form is malformed, was made with another key
   *     or for another name, or was altered
   */
  public String decrypt(String name, String stored) {
    if (stored == null || !stored.startsWith(VERSION)) {
      throw unreadable(name, null);
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(stored.substring(VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw unreadable(name, e);
    }
    if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
      throw unreadable(name, null);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(name));
      byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw unreadable(name, e);
    }
  }

  private static byte[] associatedData(String name) {
    return Objects.requireNonNull(name, "name")
        .toLowerCase(Locale.ROOT)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static SecretDecryptionException unreadable(String name, Throwable cause) {
    return new SecretDecryptionException(
        "Secret '"
            + name
            + "' cannot be decrypted: it was stored with another "
            + SecretKeys.ENV
            + ", or altered. Store it again.",
        cause);
  }
}
