package ai.lumigator.persistence.workflows;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Workflows and the jobs they ran ({@code workflow_jobs}). */
@RegisterConstructorMapper(WorkflowRow.class)
@RegisterConstructorMapper(WorkflowJobRow.class)
public interface WorkflowDao {

  @SqlUpdate(
      """
      INSERT INTO workflows (id, experiment_id, name, description, model, provider, base_url,
                             system_prompt, secret_key_name, request_json, status,
                             failure_reason, metrics_json, parameters_json, compiled_key,
                             created_at, updated_at)
      VALUES (:id, :experimentId, :name, :description, :model, :provider, :baseUrl,
              :systemPrompt, :secretKeyName, :requestJson, :status,
              :failureReason, :metricsJson, :parametersJson, :compiledKey,
              :createdAt, :updatedAt)
      """)
  void insert(@BindMethods WorkflowRow row);

  @SqlQuery("SELECT * FROM workflows WHERE id = :id AND deleted_at IS NULL")
  Optional<WorkflowRow> findById(@Bind("id") String id);

  /** The row even when marked deleted (for the deletion that removes it). */
  @SqlQuery("SELECT * FROM workflows WHERE id = :id")
  Optional<WorkflowRow> findAnyById(@Bind("id") String id);

  /** Newest first. */
  @SqlQuery(
      """
      SELECT * FROM workflows WHERE experiment_id = :experimentId AND deleted_at IS NULL
      ORDER BY created_at DESC, id DESC
      """)
  List<WorkflowRow> listByExperiment(@Bind("experimentId") String experimentId);

  /** {@link #listByExperiment} with the rows marked deleted. */
  @SqlQuery(
      """
      SELECT * FROM workflows WHERE experiment_id = :experimentId
      ORDER BY created_at DESC, id DESC
      """)
  List<WorkflowRow> listAnyByExperiment(@Bind("experimentId") String experimentId);

  /**
   * Moves the workflow to {@code status} unless it is already there or terminal (succeeded,
   * failed), which it never leaves. True when the status changed.
   */
  @SqlUpdate(
      """
      UPDATE workflows SET status = :status, updated_at = :updatedAt
      WHERE id = :id AND status <> :status AND status NOT IN ('succeeded', 'failed')
      """)
  boolean updateStatus(
      @Bind("id") String id, @Bind("status") String status, @Bind("updatedAt") long updatedAt);

  /**
   * Ends a workflow that is not yet terminal as failed with a reason, in one statement so that a
   * finished workflow never gets a reason; true when it changed.
   */
  @SqlUpdate(
      """
      UPDATE workflows SET status = 'failed', failure_reason = :reason, updated_at = :updatedAt
      WHERE id = :id AND status NOT IN ('succeeded', 'failed')
      """)
  boolean markFailed(
      @Bind("id") String id, @Bind("reason") String reason, @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      """
      UPDATE workflows SET metrics_json = :metricsJson, parameters_json = :parametersJson,
                           compiled_key = :compiledKey, updated_at = :updatedAt
      WHERE id = :id
      """)
  boolean recordResult(
      @Bind("id") String id,
      @Bind("metricsJson") String metricsJson,
      @Bind("parametersJson") String parametersJson,
      @Bind("compiledKey") String compiledKey,
      @Bind("updatedAt") long updatedAt);

  @SqlUpdate(
      "UPDATE workflows SET failure_reason = :reason, updated_at = :updatedAt WHERE id = :id")
  boolean setFailureReason(
      @Bind("id") String id, @Bind("reason") String reason, @Bind("updatedAt") long updatedAt);

  /**
   * Records that the workflow ran {@code jobId} in {@code role}. Repeating the same link is a no-op
   * (true when newly linked); linking another job to a taken role is refused.
   *
   * @throws IllegalStateException when the role already has a different job
   */
  @Transaction
  default boolean linkJob(String workflowId, String role, String jobId) {
    if (insertLink(workflowId, role, jobId)) {
      return true;
    }
    String existing = jobOf(workflowId, role).orElseThrow();
    if (!existing.equals(jobId)) {
      throw new IllegalStateException(
          "Workflow %s already has %s job %s, not %s".formatted(workflowId, role, existing, jobId));
    }
    return false;
  }

  @SqlUpdate(
      """
      INSERT INTO workflow_jobs (workflow_id, role, job_id) VALUES (:workflowId, :role, :jobId)
      ON CONFLICT (workflow_id, role) DO NOTHING
      """)
  boolean insertLink(
      @Bind("workflowId") String workflowId,
      @Bind("role") String role,
      @Bind("jobId") String jobId);

  @SqlQuery("SELECT job_id FROM workflow_jobs WHERE workflow_id = :workflowId AND role = :role")
  Optional<String> jobOf(@Bind("workflowId") String workflowId, @Bind("role") String role);

  /** The workflow that ran {@code jobId}, if a workflow ran it. */
  @SqlQuery("SELECT workflow_id FROM workflow_jobs WHERE job_id = :jobId")
  Optional<String> workflowOfJob(@Bind("jobId") String jobId);

  /** The workflow's jobs, inference before evaluator. */
  @SqlQuery(
      """
      SELECT * FROM workflow_jobs WHERE workflow_id = :workflowId
      ORDER BY CASE role WHEN 'inference' THEN 0 ELSE 1 END
      """)
  List<WorkflowJobRow> jobsOf(@Bind("workflowId") String workflowId);

  /** Deletes the workflow and its job links (not the jobs); true when the workflow existed. */
  @Transaction
  default boolean delete(String id) {
    deleteLinks(id);
    return deleteRow(id);
  }

  @SqlUpdate("DELETE FROM workflow_jobs WHERE workflow_id = :workflowId")
  int deleteLinks(@Bind("workflowId") String workflowId);

  @SqlUpdate("DELETE FROM workflows WHERE id = :id")
  boolean deleteRow(@Bind("id") String id);
}
