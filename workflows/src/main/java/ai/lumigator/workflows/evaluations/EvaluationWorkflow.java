package ai.lumigator.workflows.evaluations;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Workflow id {@code evaluation-{workflowId}}: one Lumigator workflow (one model on an experiment's
 * dataset) from end to end. The inference job runs as a child {@code JobWorkflow} that stores its
 * predictions as a dataset; the evaluator job runs on that dataset as a second child; then both
 * results are compiled into {@code compiled.json} and the flat metrics recorded. Every way it can
 * end is recorded in the workflow row: {@code succeeded}, or {@code failed} with a reason.
 * Cancelling it cancels the running child (its Ray job is stopped, the job ends {@code stopped})
 * and records {@code failed}, "stopped by user".
 */
@WorkflowInterface
public interface EvaluationWorkflow {
  /** The {@code failure_reason} of a workflow a user stopped (or deleted while it ran). */
  String STOPPED_BY_USER = "stopped by user";

  @WorkflowMethod
  EvaluationResult run(EvaluationRequest request);

  /** The phase and the running job's progress. */
  @QueryMethod
  EvaluationState state();

  /**
   * Sent by the worker's wait on Ray when one of this workflow's jobs changes status or progress.
   */
  @SignalMethod
  void jobObserved(EvaluationJobObservation observation);
}
