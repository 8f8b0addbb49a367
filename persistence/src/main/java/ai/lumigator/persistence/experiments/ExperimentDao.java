package ai.lumigator.persistence.experiments;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ExperimentRow.class)
public interface ExperimentDao {

  @SqlUpdate(
      """
      INSERT INTO experiments (id, name, description, dataset_id, max_samples,
                               task_definition_json, created_at, updated_at)
      VALUES (:id, :name, :description, :datasetId, :maxSamples, :taskDefinitionJson,
              :createdAt, :updatedAt)
      """)
  void insert(@BindMethods ExperimentRow row);

  @SqlQuery("SELECT * FROM experiments WHERE id = :id AND deleted_at IS NULL")
  Optional<ExperimentRow> findById(@Bind("id") String id);

  /** The row even when marked deleted (for the deletion that removes it). */
  @SqlQuery("SELECT * FROM experiments WHERE id = :id")
  Optional<ExperimentRow> findAnyById(@Bind("id") String id);

  /** Newest first. */
  @SqlQuery(
      """
      SELECT * FROM experiments WHERE deleted_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :skip
      """)
  List<ExperimentRow> list(@Bind("skip") long skip, @Bind("limit") long limit);

  @SqlQuery("SELECT count(*) FROM experiments WHERE deleted_at IS NULL")
  long count();

  @SqlUpdate("DELETE FROM experiments WHERE id = :id")
  boolean delete(@Bind("id") String id);
}
