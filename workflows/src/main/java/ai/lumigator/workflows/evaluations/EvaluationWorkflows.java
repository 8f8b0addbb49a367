package ai.lumigator.workflows.evaluations;

import ai.lumigator.activities.SearchAttributes;
import ai.lumigator.activities.TaskQueues;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.jobs.JobRequest;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Starting and finding evaluation workflows the same way everywhere: business ids (the workflow's
 * and its jobs'), task queue, search attributes.
 */
public final class EvaluationWorkflows {
  private EvaluationWorkflows() {}

  /** The inference job's id: derived from the workflow id, so every retry names the same job. */
  public static String inferenceJobId(String workflowId) {
    return derived("evaluation-inference:" + workflowId);
  }

  /** The evaluator job's id, derived like {@link #inferenceJobId}. */
  public static String evaluatorJobId(String workflowId) {
    return derived("evaluation-evaluator:" + workflowId);
  }

  private static String derived(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static WorkflowOptions options(EvaluationRequest request) {
    io.temporal.common.SearchAttributes.Builder attributes =
        io.temporal.common.SearchAttributes.newBuilder()
            .set(SearchAttributes.EXPERIMENT_ID, request.experimentId())
            .set(SearchAttributes.DATASET_ID, request.datasetId());
    if (request.model() != null) attributes.set(SearchAttributes.MODEL, request.model());
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.evaluation(request.workflowId()))
        .setTaskQueue(TaskQueues.ORCHESTRATION)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(attributes.build())
        .build();
  }

  /** Starts the workflow and returns at once (it runs on the worker). */
  public static void start(WorkflowClient client, EvaluationRequest request) {
    EvaluationWorkflow workflow =
        client.newWorkflowStub(EvaluationWorkflow.class, options(request));
    WorkflowClient.start(workflow::run, request);
  }

  /** A stub of the running (or ended) evaluation workflow, for queries, signals and cancel. */
  public static EvaluationWorkflow existing(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(EvaluationWorkflow.class, WorkflowIds.evaluation(workflowId));
  }

  /**
   * A job of the workflow as its child: the job's business id and search attributes (plus the
   * experiment); cancelling the parent waits until the child has stopped its Ray job, and a parent
   * that is terminated still asks its running child to cancel.
   */
  static ChildWorkflowOptions jobOptions(EvaluationRequest request, JobRequest job) {
    io.temporal.common.SearchAttributes.Builder attributes =
        io.temporal.common.SearchAttributes.newBuilder()
            .set(SearchAttributes.JOB_ID, job.jobId())
            .set(SearchAttributes.JOB_TYPE, job.jobType())
            .set(SearchAttributes.EXPERIMENT_ID, request.experimentId());
    if (job.datasetId() != null) attributes.set(SearchAttributes.DATASET_ID, job.datasetId());
    if (job.model() != null) attributes.set(SearchAttributes.MODEL, job.model());
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.job(job.jobId()))
        .setTaskQueue(TaskQueues.ORCHESTRATION)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
        .setTypedSearchAttributes(attributes.build())
        .build();
  }
}
