package ai.lumigator.workflows.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.jobs.AwaitRayJob;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobHandle;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.smoke.SmokeActivities;
import ai.lumigator.activities.smoke.SmokeRecord;
import ai.lumigator.activities.smoke.SmokeRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SmokeWorkflowTest {
  private TestWorkflowEnvironment env;
  private SmokeActivities io;
  private RayJobActivities ray;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    io = mock(SmokeActivities.class, withSettings().withoutAnnotations());
    ray = mock(RayJobActivities.class, withSettings().withoutAnnotations());
    Worker orchestration = env.newWorker(TaskQueues.ORCHESTRATION);
    orchestration.registerWorkflowImplementationTypes(SmokeWorkflowImpl.class);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(io);
    env.newWorker(TaskQueues.RAY).registerActivitiesImplementations(ray);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private SmokeResult run(String runId) {
    WorkflowClient client = env.getWorkflowClient();
    SmokeWorkflow wf =
        client.newWorkflowStub(
            SmokeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.ORCHESTRATION)
                .setWorkflowId("smoke-" + runId)
                .build());
    return wf.run(new SmokeRequest(runId, "hello ray"));
  }

  @Test
  void submitsTheJobWithTheRunIdAndRecordsItsOutput() {
    when(io.jobConfig("r1")).thenReturn("{\"input_path\":\"s3://b/i\"}");
    when(ray.submit(any())).thenReturn(new RayJobHandle("smoke-r1", "java ...", false));
    when(ray.await(any()))
        .thenReturn(new RayJobOutcome("smoke-r1", "succeeded", "ok", null, 1L, 2L, 0, false));
    when(io.readOutput("r1")).thenReturn("HELLO RAY");

    SmokeResult result = run("r1");

    assertThat(result).isEqualTo(new SmokeResult("r1", "smoke-r1", "succeeded", "HELLO RAY"));
    ArgumentCaptor<RayJobSubmission> submission = ArgumentCaptor.forClass(RayJobSubmission.class);
    verify(ray).submit(submission.capture());
    assertThat(submission.getValue().submissionId()).isEqualTo("smoke-r1");
    assertThat(submission.getValue().command()).isEqualTo("smoke");
    assertThat(submission.getValue().configJson()).contains("s3://b/i");
    ArgumentCaptor<AwaitRayJob> await = ArgumentCaptor.forClass(AwaitRayJob.class);
    verify(ray).await(await.capture());
    assertThat(await.getValue().deadlineEpochMillis()).isPositive();
    verify(io).writeInput(new SmokeRequest("r1", "hello ray"));
    verify(io).record(new SmokeRecord("r1", "smoke-r1", "succeeded", "HELLO RAY"));
  }

  @Test
  void aFailedRayJobIsRecordedWithoutReadingOutput() {
    when(io.jobConfig("r2")).thenReturn("{}");
    when(ray.submit(any())).thenReturn(new RayJobHandle("smoke-r2", "java ...", false));
    when(ray.await(any()))
        .thenReturn(
            new RayJobOutcome("smoke-r2", "failed", "exit 1", "JOB_ERROR", 1L, 2L, 1, false));

    SmokeResult result = run("r2");

    assertThat(result.rayStatus()).isEqualTo("failed");
    assertThat(result.output()).isNull();
    verify(io).record(new SmokeRecord("r2", "smoke-r2", "failed", null));
  }
}
