package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.jobs.RayJobActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class JobLogsWorkflowImpl implements JobLogsWorkflow {
  private final RayJobActivities ray =
      Workflow.newActivityStub(
          RayJobActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.RAY)
              .setStartToCloseTimeout(JobLogsWorkflows.TIMEOUT)
              .setScheduleToCloseTimeout(JobLogsWorkflows.TIMEOUT)
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(500))
                      .setMaximumInterval(Duration.ofSeconds(2))
                      .build())
              .build());

  @Override
  public String logs(String submissionId) {
    return ray.logs(submissionId);
  }
}
