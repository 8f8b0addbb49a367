package ai.lumigator.activities.secrets;

import ai.lumigator.activities.jobs.SecretResolver;
import ai.lumigator.persistence.secrets.SecretDao;
import ai.lumigator.persistence.secrets.SecretSummary;
import ai.lumigator.persistence.secrets.UpsertOutcome;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Secrets by name, encrypted before they reach the database and decrypted only for handing to a Ray
 * job. Names are case-insensitive (the DAO stores them lower-case). Shared by the API (put, list,
 * delete) and the worker ({@link #valueOf}).
 */
public final class SecretStore implements SecretResolver {
  private final SecretDao dao;
  private final SecretCipher cipher;
  private final Clock clock;

  public SecretStore(SecretDao dao, SecretCipher cipher, Clock clock) {
    this.dao = dao;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Creates or replaces the secret; tells which. */
  public UpsertOutcome put(String name, String description, String value) {
    String key = SecretDao.normalize(name);
    return dao.upsert(key, description, cipher.encrypt(key, value), clock.millis());
  }

  /** Names and descriptions, never values. */
  public List<SecretSummary> list() {
    return dao.list();
  }

  public boolean exists(String name) {
    return dao.findCiphertext(name).isPresent();
  }

  /** True when a secret was deleted; deleting an absent name is not an error. */
  public boolean delete(String name) {
    return dao.delete(name);
  }

  /**
   * The decrypted value, empty when no secret has this name.
   *
   * @throws SecretDecryptionException when the stored value does not decrypt with the current key
   */
  @Override
  public Optional<String> valueOf(String name) {
    String key = SecretDao.normalize(name);
    return dao.findCiphertext(key).map(stored -> cipher.decrypt(key, stored));
  }
}
