package ai.lumigator.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
  static final String KEY = base64Key(1);
  final SecretCipher cipher = SecretCipher.fromBase64Key(KEY);

  static String base64Key(int seed) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) key[i] = (byte) (seed * 31 + i);
    return Base64.getEncoder().encodeToString(key);
  }

  @Test
  void roundTripsAnyValue() {
    String longValue = "x".repeat(1024);
    for (String value : new String[] {"sk-test-123", "ünïcode ✓ 🐊", longValue, "a"}) {
      String stored = cipher.encrypt("openai_api_key", value);
      assertThat(cipher.decrypt("openai_api_key", stored)).isEqualTo(value);
    }
  }

  @Test
  void storedFormHoldsNoClearTextAndAFreshNonceEachTime() {
    String value = "sk-live-very-secret-value";
    Set<String> seen = new HashSet<>();
    Set<String> nonces = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      String stored = cipher.encrypt("k", value);
      assertThat(stored).startsWith("v1:").doesNotContain(value);
      assertThat(stored)
          .doesNotContain(
              Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      seen.add(stored);
      byte[] raw = Base64.getDecoder().decode(stored.substring(3));
      // nonce (12) + ciphertext (as long as the value) + tag (16)
      assertThat(raw).hasSize(12 + value.length() + 16);
      nonces.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(raw, 12)));
    }
    assertThat(seen).hasSize(50);
    assertThat(nonces).hasSize(50);
  }

  @Test
  void anyAlteredByteIsDetected() {
    String stored = cipher.encrypt("k", "sk-test-123");
    byte[] raw = Base64.getDecoder().decode(stored.substring(3));
    for (int i = 0; i < raw.length; i++) { // nonce, ciphertext and tag alike
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      String altered = "v1:" + Base64.getEncoder().encodeToString(tampered);
      assertThatThrownBy(() -> cipher.decrypt("k", altered))
          .as("byte %d", i)
          .isInstanceOf(SecretDecryptionException.class)
          .hasMessageContaining("Secret 'k' cannot be decrypted");
    }
  }

  @Test
  void aCiphertextMovedToAnotherNameDoesNotDecrypt() {
    String stored = cipher.encrypt("openai_api_key", "sk-openai");
    assertThatThrownBy(() -> cipher.decrypt("mistral_api_key", stored))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("'mistral_api_key'")
        .hasMessageNotContaining("sk-openai");
  }

  @Test
  void namesAreCaseInsensitiveAsAssociatedData() {
    String stored = cipher.encrypt("OpenAI_API_Key", "v");
    assertThat(cipher.decrypt("openai_api_key", stored)).isEqualTo("v");
  }

  @Test
  void anotherKeyDoesNotDecrypt() {
    String stored = cipher.encrypt("k", "v");
    SecretCipher other = SecretCipher.fromBase64Key(base64Key(2));
    assertThatThrownBy(() -> other.decrypt("k", stored))
        .isInstanceOf(SecretDecryptionException.class)
        .hasMessageContaining("LUMIGATOR_SECRET_KEY");
  }

  @Test
  void malformedStoredFormsAreRefused() {
    byte[] shortRaw = new byte[20];
    new SecureRandom().nextBytes(shortRaw);
    for (String bad :
        new String[] {
          "",
          "plain text",
          "v1:",
          "v1:***",
          "v2:" + cipher.encrypt("k", "v").substring(3),
          "v1:" + Base64.getEncoder().encodeToString(shortRaw)
        }) {
      assertThatThrownBy(() -> cipher.decrypt("k", bad))
          .as(bad)
          .isInstanceOf(SecretDecryptionException.class);
    }
  }

  @Test
  void keyMustBeBase64Of32Bytes() {
    assertThat(SecretKeys.parse("  " + KEY + "\n").getEncoded()).hasSize(32);
    assertThatThrownBy(() -> SecretKeys.parse(null))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageStartingWith("LUMIGATOR_SECRET_KEY is not set.")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretKeys.parse(" "))
        .hasMessageStartingWith("LUMIGATOR_SECRET_KEY is not set.");
    assertThatThrownBy(() -> SecretKeys.parse("not base64 at all!"))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageStartingWith("LUMIGATOR_SECRET_KEY is not valid base64.")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining("not base64 at all!");
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> SecretKeys.parse(sixteen))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageStartingWith(
            "LUMIGATOR_SECRET_KEY decodes to 16 bytes; AES-256 needs exactly 32.")
        .hasMessageNotContaining(sixteen);
  }
}
