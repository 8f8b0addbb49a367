package ai.lumigator.persistence.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Jobs. Mutations take the caller's clock ({@code updatedAt}, epoch ms) and report a change. */
@RegisterConstructorMapper(JobRow.class)
public interface JobDao {

  @SqlUpdate(
      """
      INSERT INTO jobs (id, name, description, job_type, status, dataset_id, experiment_id,
                        config_json, request_json, secret_key_name, results_key,
                        ray_submission_id, ray_status, ray_message, ray_error_type,
                        ray_start_time, ray_end_time, ray_driver_exit_code, ray_entrypoint,
                        ray_runtime_env_json, ray_metadata_json, logs, result_summary_json,
                        generated_dataset_id, progress_done, progress_total, failure_reason,
                        created_at, updated_at, cache_json)
      VALUES (:id, :name, :description, :jobType, :status, :datasetId, :experimentId,
              :configJson, :requestJson, :secretKeyName, :resultsKey,
              :raySubmissionId, :rayStatus, :rayMessage, :rayErrorType,
              :rayStartTime, :rayEndTime, :rayDriverExitCode, :rayEntrypoint,
              :rayRuntimeEnvJson, :rayMetadataJson, :logs, :resultSummaryJson,
              :generatedDatasetId, :progressDone, :progressTotal, :failureReason,
              :createdAt, :updatedAt, :cacheJson)
      """)
  void insert(@BindMethods JobRow row);

  @SqlQuery("SELECT * FROM jobs WHERE id = :id AND deleted_at IS NULL")
  Optional<JobRow> findById(@Bind("id") String id);

  /** The row even when marked deleted (for the deletion that removes it). */
  @SqlQuery("SELECT * FROM jobs WHERE id = :id")
  Optional<JobRow> findAnyById(@Bind("id") String id);

  /** Newest first; an empty {@code jobTypes} means every type. */
  default List<JobRow> list(Collection<String> jobTypes, long skip, long limit) {
    return jobTypes.isEmpty() ? listAll(skip, limit) : listOfTypes(jobTypes, skip, limit);
  }

  /** The number of jobs {@link #list} pages through for the same {@code jobTypes}. */
  default long count(Collection<String> jobTypes) {
    return jobTypes.isEmpty() ? countAll() : countOfTypes(jobTypes);
  }

  @SqlQuery(
      """
      SELECT * FROM jobs WHERE deleted_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :skip
      """)
  List<JobRow> listAll(@Bind("skip") long skip, @Bind("limit") long limit);

  @SqlQuery(
      """
      SELECT * FROM jobs WHERE job_type IN (<jobTypes>) AND deleted_at IS NULL
      ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :skip
      """)
  List<JobRow> listOfTypes(
      @BindList("jobTypes") Collection<String> jobTypes,
      @Bind("skip") long skip,
      @Bind("limit") long limit);

  @SqlQuery("SELECT count(*) FROM jobs WHERE deleted_at IS NULL")
  long countAll();

  @SqlQuery("SELECT count(*) FROM jobs WHERE job_type IN (<jobTypes>) AND deleted_at IS NULL")
  long countOfTypes(@BindList("jobTypes") Collection<String> jobTypes);

  /** The jobs of an experiment, newest first. */
  @SqlQuery(
      """
      SELECT * FROM jobs WHERE experiment_id = :experimentId AND deleted_at IS NULL
      ORDER BY created_at DESC, id DESC
      """)
  List<JobRow> findByExperiment(@Bind("experimentId") String experimentId);

  /** {@link #findByExperiment} with the rows marked deleted. */
  @SqlQuery(
      "SELECT * FROM jobs WHERE experiment_id = :experimentId ORDER BY created_at DESC, id DESC")
  List<JobRow> findAnyByExperiment(@Bind("experimentId") String experimentId);

  /**
   * Moves the job to {@code status} unless it is already there or in a terminal state (succeeded,
   * failed, stopped), which it never leaves. True when the status changed; false also for a
   * repeated update to the same status, or an unknown job.
   */
  @SqlUpdate(
      """
      UPDATE jobs SET status = :status, updated_at = :updatedAt
      WHERE id = :id AND status <> :status
        AND status NOT IN ('succeeded', 'failed', 'stopped')
      """)
  boolean updateStatus(
      @Bind("id") String id, @Bind("status") String status, @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      """
      UPDATE jobs SET ray_submission_id = :ray.submissionId, ray_status = :ray.status,
                      ray_message = :ray.message, ray_error_type = :ray.errorType,
                      ray_start_time = :ray.startTime, ray_end_time = :ray.endTime,
                      ray_driver_exit_code = :ray.driverExitCode,
                      ray_entrypoint = :ray.entrypoint,
                      ray_runtime_env_json = :ray.runtimeEnvJson,
                      ray_metadata_json = :ray.metadataJson,
                      updated_at = :updatedAt
      WHERE id = :id
      """)
  boolean updateRayDetails(
      @Bind("id") String id, @BindMethods("ray") RayDetails ray, @Bind("updatedAt") long updatedAt);

  @SqlUpdate("UPDATE jobs SET logs = :logs, updated_at = :updatedAt WHERE id = :id")
  boolean saveLogs(
      @Bind("id") String id, @Bind("logs") String logs, @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      """
      UPDATE jobs SET results_key = :resultsKey, result_summary_json = :resultSummaryJson,
                      updated_at = :updatedAt
      WHERE id = :id
      """)
  boolean saveResult(
      @Bind("id") String id,
      @Bind("resultsKey") String resultsKey,
      @Bind("resultSummaryJson") String resultSummaryJson,
      @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      """
      UPDATE jobs SET progress_done = :done, progress_total = :total, updated_at = :updatedAt
      WHERE id = :id
      """)
  boolean setProgress(
      @Bind("id") String id,
      @Bind("done") long done,
      @Bind("total") long total,
      @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      """
      UPDATE jobs SET generated_dataset_id = :datasetId, updated_at = :updatedAt WHERE id = :id
      """)
  boolean setGeneratedDataset(
      @Bind("id") String id,
      @Bind("datasetId") String datasetId,
      @Bind("updatedAt") long updatedAt);

  /** The job's use of the inference cache, as JSON (see the jobs table's cache_json). */
  @SqlUpdate("UPDATE jobs SET cache_json = :cacheJson, updated_at = :updatedAt WHERE id = :id")
  boolean setCache(
      @Bind("id") String id,
      @Bind("cacheJson") String cacheJson,
      @Bind("updatedAt") long updatedAt);

  /**
   * The cache_json of every job run on a dataset, deleted ones too (a deletion removes their
   * entries).
   */
  @SqlQuery("SELECT cache_json FROM jobs WHERE dataset_id = :datasetId AND cache_json IS NOT NULL")
  List<String> cacheJsonOfJobsOn(@Bind("datasetId") String datasetId);

  @SqlUpdate("UPDATE jobs SET failure_reason = :reason, updated_at = :updatedAt WHERE id = :id")
  boolean setFailureReason(
      @Bind("id") String id, @Bind("reason") String reason, @Bind("updatedAt") long updatedAt);

  @SqlUpdate("DELETE FROM jobs WHERE id = :id")
  boolean delete(@Bind("id") String id);
}
