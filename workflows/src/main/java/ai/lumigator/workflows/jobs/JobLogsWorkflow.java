package ai.lumigator.workflows.jobs;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The driver logs of a job that is still running, read from Ray by the worker (the API has no Ray
 * client): one short activity on the Ray queue. A job that ended has its logs stored in its row.
 */
@WorkflowInterface
public interface JobLogsWorkflow {
  /** The logs as Ray has them now ("" when Ray no longer knows the job). */
  @WorkflowMethod
  String logs(String submissionId);
}
