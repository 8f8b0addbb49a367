package ai.lumigator.persistence.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Secrets, stored encrypted by the caller ({@code valueCiphertext}, base64). Names are
 * case-insensitive: every method lower-cases them.
 */
@RegisterConstructorMapper(SecretSummary.class)
public interface SecretDao {

  /** Creates the secret, or replaces its description and value when the name exists. */
  @Transaction
  default UpsertOutcome upsert(String name, String description, String valueCiphertext, long now) {
    String key = normalize(name);
    if (insertIfAbsent(key, description, valueCiphertext, now)) {
      return UpsertOutcome.CREATED;
    }
    update(key, description, valueCiphertext, now);
    return UpsertOutcome.UPDATED;
  }

  /** Every secret's name and description, by name. */
  @SqlQuery("SELECT name, description FROM secrets ORDER BY name")
  List<SecretSummary> list();

  default Optional<String> findCiphertext(String name) {
    return selectCiphertext(normalize(name));
  }

  /** True when a secret was deleted; deleting an absent name is not an error. */
  default boolean delete(String name) {
    return deleteRow(normalize(name));
  }

  static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @SqlUpdate(
      """
      INSERT INTO secrets (name, description, value_ciphertext, created_at, updated_at)
      VALUES (:name, :description, :valueCiphertext, :now, :now)
      ON CONFLICT (name) DO NOTHING
      """)
  boolean insertIfAbsent(
      @Bind("name") String name,
      @Bind("description") String description,
      @Bind("valueCiphertext") String valueCiphertext,
      @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE secrets SET description = :description, value_ciphertext = :valueCiphertext,
                         updated_at = :now
      WHERE name = :name
      """)
  boolean update(
      @Bind("name") String name,
      @Bind("description") String description,
      @Bind("valueCiphertext") String valueCiphertext,
      @Bind("now") long now);

  @SqlQuery("SELECT value_ciphertext FROM secrets WHERE name = :name")
  Optional<String> selectCiphertext(@Bind("name") String name);

  @SqlUpdate("DELETE FROM secrets WHERE name = :name")
  boolean deleteRow(@Bind("name") String name);
}
