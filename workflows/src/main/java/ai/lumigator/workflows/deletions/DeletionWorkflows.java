package ai.lumigator.workflows.deletions;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.deletions.DeletionRequest;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and awaiting deletions the same way everywhere. */
public final class DeletionWorkflows {
  private DeletionWorkflows() {}

  public static WorkflowOptions options(DeletionRequest request) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.deletion(request.id()))
        .setTaskQueue(TaskQueues.ORCHESTRATION)
        // a deletion that ended may run again (a row marked deleted by a request whose deletion
        // failed); one running is joined instead of started twice
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build();
  }

  /** Starts the deletion unless one of the same object runs already; returns at once. */
  public static void start(WorkflowClient client, DeletionRequest request) {
    DeletionWorkflow workflow = client.newWorkflowStub(DeletionWorkflow.class, options(request));
    try {
      WorkflowClient.start(workflow::delete, request);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // a repeated delete: the running deletion does it
    }
  }

  /** Waits at most {@code wait} for the deletion of {@code id} to end; true when it has. */
  public static boolean await(WorkflowClient client, String id, Duration wait) {
    if (wait.isZero() || wait.isNegative()) return false;
    try {
      client
          .newUntypedWorkflowStub(WorkflowIds.deletion(id))
          .getResult(wait.toMillis(), TimeUnit.MILLISECONDS, DeletionResult.class);
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }
}
