package ai.lumigator.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.persistence.secrets.SecretDao;
import ai.lumigator.persistence.secrets.SecretSummary;
import ai.lumigator.persistence.secrets.UpsertOutcome;
import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

class SecretStoreTest {
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

  static SecretStore store(TestDatabase db, int keySeed) {
    return new SecretStore(
        db.dao(SecretDao.class),
        SecretCipher.fromBase64Key(SecretCipherTest.base64Key(keySeed)),
        CLOCK);
  }

  @DatabaseTest
  void storesOnlyCiphertextAndDecryptsByAnyCase(TestDatabase db) {
    SecretStore store = store(db, 1);
    String value = "sk-proj-ThisIsTheClearTextValue";

    assertThat(store.put("OpenAI_API_Key", "OpenAI key", value)).isEqualTo(UpsertOutcome.CREATED);

    Map<String, Object> row =
        db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM secrets").mapToMap().one());
    assertThat(row.get("name")).isEqualTo("openai_api_key");
    assertThat(row.values().toString()).doesNotContain(value);
    assertThat((String) row.get("value_ciphertext")).startsWith("v1:");
    assertThat(store.valueOf("OPENAI_API_KEY")).contains(value);
    assertThat(store.list()).containsExactly(new SecretSummary("openai_api_key", "OpenAI key"));
    assertThat(store.exists("openai_api_key")).isTrue();
  }

  @DatabaseTest
  void updateReplacesTheValue(TestDatabase db) {
    SecretStore store = store(db, 1);
    store.put("k", "first", "one");
    assertThat(store.put("K", "second", "two")).isEqualTo(UpsertOutcome.UPDATED);
    assertThat(store.valueOf("k")).contains("two");
    assertThat(store.list()).containsExactly(new SecretSummary("k", "second"));
  }

  @DatabaseTest
  void absentNamesAreEmptyAndDeleteIsIdempotent(TestDatabase db) {
    SecretStore store = store(db, 1);
    assertThat(store.valueOf("nope")).isEmpty();
    store.put("k", "", "v");
    assertThat(store.delete("K")).isTrue();
    assertThat(store.delete("k")).isFalse();
    assertThat(store.valueOf("k")).isEmpty();
    assertThat(store.exists("k")).isFalse();
  }

  @DatabaseTest
  void rowsSwappedBetweenNamesDoNotDecrypt(TestDatabase db) {
    SecretStore store = store(db, 1);
    store.put("a", "", "value-a");
    store.put("b", "", "value-b");
    db.jdbi()
        .useHandle(
            h ->
                h.execute(
                    "UPDATE secrets SET value_ciphertext ="
                        + " (SELECT value_ciphertext FROM secrets WHERE name = 'a') WHERE name ="
                        + " 'b'"));
    assertThatThrownBy(() -> store.valueOf("b")).isInstanceOf(SecretDecryptionException.class);
    assertThat(store.valueOf("a")).contains("value-a");
  }

  @DatabaseTest
  void theWorkersResolverFailsNonRetryablyWhenTheKeyChanged(TestDatabase db) {
    store(db, 1).put("k", "", "v");
    RaySecretResolver resolver = new RaySecretResolver(store(db, 2));
    assertThatThrownBy(() -> resolver.valueOf("k"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getType()).isEqualTo(RaySecretResolver.UNREADABLE);
              assertThat(f.getOriginalMessage()).contains("LUMIGATOR_SECRET_KEY");
            });
    assertThat(new RaySecretResolver(store(db, 1)).valueOf("k")).contains("v");
  }
}
