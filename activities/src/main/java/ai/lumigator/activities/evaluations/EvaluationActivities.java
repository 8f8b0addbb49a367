package ai.lumigator.activities.evaluations;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The database and S3 side of an evaluation workflow (a Lumigator workflow: inference, then the
 * evaluator on its predictions): its status, its job rows, its compiled results. Runs on the I/O
 * task queue; every method is idempotent.
 */
@ActivityInterface
public interface EvaluationActivities {

  /** Moves the workflow row from created to running (no-op once running or terminal). */
  @ActivityMethod
  void markRunning(WorkflowRef workflow);

  /**
   * Creates the row of one of the workflow's jobs unless it exists, and links it to the workflow in
   * its role. Fails (not retryable) when the workflow row no longer exists.
   */
  @ActivityMethod
  void createJob(CreateWorkflowJob job);

  /**
   * Reads both jobs' results.json, writes the merged {@code compiled.json} and records the flat
   * metrics and parameters in the workflow row, then the workflow succeeded when the request says
   * so. Fails (not retryable) when a results.json is missing or unreadable.
   */
  @ActivityMethod
  CompiledEvaluation compile(CompileEvaluation request);

  /** Records the workflow succeeded (no-op when already terminal). */
  @ActivityMethod
  void markSucceeded(WorkflowRef workflow);

  /** Records the workflow failed with a reason (no-op when already terminal). */
  @ActivityMethod
  void markFailed(WorkflowFailure failure);
}
