package ai.lumigator.workflows.deletions;

import ai.lumigator.activities.deletions.DeletionRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Deleting a dataset, a workflow or an experiment with everything it made, in the order that leaves
 * nothing orphaned: stop what still runs (its evaluation and job workflows, which stop their Ray
 * jobs) and wait for it, then read what to remove, remove the S3 objects, then the rows (a failure
 * half-way leaves rows to find the rest from, never objects nobody can find). The request that
 * starts it has marked the rows deleted already. Id {@code delete-{id}}; every step idempotent.
 */
@WorkflowInterface
public interface DeletionWorkflow {
  @WorkflowMethod
  DeletionResult delete(DeletionRequest request);
}
