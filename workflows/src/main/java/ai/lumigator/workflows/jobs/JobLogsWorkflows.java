package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;

/** Reading a running job's logs through the worker: {@code job-logs-{jobId}}, joined if running. */
public final class JobLogsWorkflows {
  /** How long Ray is asked, retries included, before the read fails. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private JobLogsWorkflows() {}

  /** Blocks until the worker has read the logs from Ray (at most about {@link #TIMEOUT}). */
  public static String fetch(WorkflowClient client, String jobId, String submissionId) {
    JobLogsWorkflow workflow =
        client.newWorkflowStub(
            JobLogsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("job-logs-" + jobId)
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowExecutionTimeout(TIMEOUT.plusSeconds(5))
                .build());
    return workflow.logs(submissionId);
  }
}
