package ai.lumigator.persistence.smoke;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SmokeRunRow.class)
public interface SmokeRunDao {

  /** True when inserted; a row with the same id is left as it is. */
  @SqlUpdate(
      """
      INSERT INTO smoke_runs (id, ray_submission_id, status, output, created_at)
      VALUES (:id, :raySubmissionId, :status, :output, :createdAt)
      ON CONFLICT (id) DO NOTHING
      """)
  boolean insertIfAbsent(@BindMethods SmokeRunRow row);

  @SqlQuery("SELECT * FROM smoke_runs WHERE id = :id")
  Optional<SmokeRunRow> findById(@Bind("id") String id);
}
