package ai.lumigator.persistence.deletions;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Marks what a delete removes as deleted ({@code deleted_at}), in one transaction, so that every
 * read leaves it out at once; the deletion workflow removes the rows later. Each mark is idempotent
 * (a row keeps its first mark) and cascades as the deletion does: a workflow with its jobs and the
 * datasets they generated; an experiment with its workflows and its jobs.
 */
public interface DeletionDao {

  /** The dataset alone (the experiments on it stay, as with the original). */
  @SqlUpdate("UPDATE datasets SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
  boolean markDatasetDeleted(@Bind("id") String id, @Bind("now") long now);

  /** The workflow, the jobs it ran and the datasets those generated. */
  @Transaction
  default void markWorkflowDeleted(String id, long now) {
    markGeneratedDatasetsOfWorkflow(id, now);
    markJobsOfWorkflow(id, now);
    markWorkflow(id, now);
  }

  /** The experiment, its workflows (as {@link #markWorkflowDeleted}) and its own jobs. */
  @Transaction
  default void markExperimentDeleted(String id, long now) {
    markGeneratedDatasetsOfExperiment(id, now);
    markJobsOfExperiment(id, now);
    markWorkflowsOfExperiment(id, now);
    markExperiment(id, now);
  }

  @SqlUpdate("UPDATE workflows SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
  int markWorkflow(@Bind("id") String id, @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE jobs SET deleted_at = :now
      WHERE deleted_at IS NULL
        AND id IN (SELECT job_id FROM workflow_jobs WHERE workflow_id = :id)
      """)
  int markJobsOfWorkflow(@Bind("id") String workflowId, @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE datasets SET deleted_at = :now
      WHERE deleted_at IS NULL
        AND (run_id IN (SELECT job_id FROM workflow_jobs WHERE workflow_id = :id)
             OR id IN (SELECT generated_dataset_id FROM jobs
                       WHERE id IN (SELECT job_id FROM workflow_jobs WHERE workflow_id = :id)))
      """)
  int markGeneratedDatasetsOfWorkflow(@Bind("id") String workflowId, @Bind("now") long now);

  @SqlUpdate("UPDATE experiments SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
  int markExperiment(@Bind("id") String id, @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE workflows SET deleted_at = :now
      WHERE experiment_id = :id AND deleted_at IS NULL
      """)
  int markWorkflowsOfExperiment(@Bind("id") String experimentId, @Bind("now") long now);

  /** The experiment's own jobs and the jobs of its workflows. */
  @SqlUpdate(
      """
      UPDATE jobs SET deleted_at = :now
      WHERE deleted_at IS NULL
        AND (experiment_id = :id
             OR id IN (SELECT l.job_id FROM workflow_jobs l
                       JOIN workflows w ON w.id = l.workflow_id WHERE w.experiment_id = :id))
      """)
  int markJobsOfExperiment(@Bind("id") String experimentId, @Bind("now") long now);

  @SqlUpdate(
      """
      UPDATE datasets SET deleted_at = :now
      WHERE deleted_at IS NULL
        AND (run_id IN (SELECT j.id FROM jobs j WHERE j.experiment_id = :id)
             OR run_id IN (SELECT l.job_id FROM workflow_jobs l
                           JOIN workflows w ON w.id = l.workflow_id WHERE w.experiment_id = :id)
             OR id IN (SELECT j.generated_dataset_id FROM jobs j
                       WHERE j.experiment_id = :id
                          OR j.id IN (SELECT l.job_id FROM workflow_jobs l
                                      JOIN workflows w ON w.id = l.workflow_id
                                      WHERE w.experiment_id = :id)))
      """)
  int markGeneratedDatasetsOfExperiment(@Bind("id") String experimentId, @Bind("now") long now);
}
