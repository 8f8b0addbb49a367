package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.SearchAttributes;
import ai.lumigator.activities.TaskQueues;
import ai.lumigator.workflows.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;

/** Starting a job workflow the same way everywhere: business id, task queue, search attributes. */
public final class JobWorkflows {
  private JobWorkflows() {}

  public static WorkflowOptions options(JobRequest request) {
    io.temporal.common.SearchAttributes.Builder attributes =
        io.temporal.common.SearchAttributes.newBuilder()
            .set(SearchAttributes.JOB_ID, request.jobId())
            .set(SearchAttributes.JOB_TYPE, request.jobType());
    if (request.datasetId() != null)
      attributes.set(SearchAttributes.DATASET_ID, request.datasetId());
    if (request.model() != null) attributes.set(SearchAttributes.MODEL, request.model());
    return WorkflowOptions.newBuilder()
        .setWorkflowId(WorkflowIds.job(request.jobId()))
        .setTaskQueue(TaskQueues.ORCHESTRATION)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(attributes.build())
        .build();
  }

  /** Starts the job's workflow and returns at once (the workflow runs on the worker). */
  public static void start(WorkflowClient client, JobRequest request) {
    JobWorkflow workflow = client.newWorkflowStub(JobWorkflow.class, options(request));
    WorkflowClient.start(workflow::run, request);
  }

  /** A stub of the running (or ended) workflow of a job, for queries, signals and cancel. */
  public static JobWorkflow existing(WorkflowClient client, String jobId) {
    return client.newWorkflowStub(JobWorkflow.class, WorkflowIds.job(jobId));
  }
}
