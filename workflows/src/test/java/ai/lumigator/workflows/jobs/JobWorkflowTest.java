package ai.lumigator.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.jobs.AwaitRayJob;
import ai.lumigator.activities.jobs.JobActivities;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobHandle;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.jobs.RecordJobOutcome;
import ai.lumigator.activities.jobs.SaveJobLogs;
import ai.lumigator.activities.jobs.SaveJobResult;
import ai.lumigator.workflows.datasets.DatasetIngestWorkflow;
import io.temporal.activity.Activity;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** JobWorkflowImpl on the in-memory server (time skipping) with mocked activities. */
class JobWorkflowTest {
  static final String JOB = "11111111-1111-1111-1111-111111111111";
  static final String RESULTS = "jobs/results/j/" + JOB + "/results.json";

  /** Stands in for the datasets engineer's implementation: records what it was asked. */
  public static class RecordingIngest implements DatasetIngestWorkflow {
    static final List<DatasetIngestRequest> requests = new CopyOnWriteArrayList<>();
    static volatile String failure;

    @Override
    public String ingest(DatasetIngestRequest request) {
      requests.add(request);
      if (failure != null) throw ApplicationFailure.newNonRetryableFailure(failure, "BadResults");
      return request.datasetId();
    }
  }

  private TestWorkflowEnvironment env;
  private RayJobActivities ray;
  private JobActivities io;

  @BeforeEach
  void setUp() {
    RecordingIngest.requests.clear();
    RecordingIngest.failure = null;
    env = TestWorkflowEnvironment.newInstance();
    for (String a :
        List.of(
            "LumigatorJobId",
            "LumigatorJobType",
            "LumigatorDatasetId",
            "LumigatorExperimentId",
            "LumigatorModel")) {
      env.registerSearchAttribute(a, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    ray = mock(RayJobActivities.class, withSettings().withoutAnnotations());
    io = mock(JobActivities.class, withSettings().withoutAnnotations());
    Worker orchestration = env.newWorker(TaskQueues.ORCHESTRATION);
    orchestration.registerWorkflowImplementationTypes(JobWorkflowImpl.class, RecordingIngest.class);
    orchestration.registerActivitiesImplementations(io); // recordOutcome runs as a local activity
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(io);
    env.newWorker(TaskQueues.RAY).registerActivitiesImplementations(ray);
    env.start();
    when(ray.submit(any())).thenReturn(new RayJobHandle(JOB, "java ...", false));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static JobRequest request(GeneratedDatasetSpec generated, long timeoutSeconds) {
    return new JobRequest(
        JOB,
        "inference",
        "inference",
        "{\"name\":\"j/" + JOB + "\"}",
        "openai_api_key",
        "22222222-2222-2222-2222-222222222222",
        "lead-3",
        RESULTS,
        timeoutSeconds,
        10,
        generated,
        null);
  }

  private JobResult run(JobRequest request) {
    WorkflowClient client = env.getWorkflowClient();
    JobWorkflow wf = client.newWorkflowStub(JobWorkflow.class, JobWorkflows.options(request));
    return wf.run(request);
  }

  static RayJobOutcome outcome(String status, boolean timedOut) {
    return new RayJobOutcome(JOB, status, "msg " + status, null, 1L, 2L, 0, timedOut);
  }

  @Test
  void aSucceededJobSavesLogsAndTheResultThenRecordsSucceeded() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(true);

    JobResult result = run(request(null, 3600));

    assertThat(result).isEqualTo(new JobResult(JOB, "succeeded", null, null));
    ArgumentCaptor<RayJobSubmission> submission = ArgumentCaptor.forClass(RayJobSubmission.class);
    verify(ray).submit(submission.capture());
    assertThat(submission.getValue().submissionId()).isEqualTo(JOB);
    assertThat(submission.getValue().command()).isEqualTo("inference");
    assertThat(submission.getValue().secretName()).isEqualTo("openai_api_key");
    assertThat(submission.getValue().metadata())
        .containsEntry("job_type", "inference")
        .containsEntry("job_id", JOB);
    ArgumentCaptor<AwaitRayJob> await = ArgumentCaptor.forClass(AwaitRayJob.class);
    verify(ray).await(await.capture());
    assertThat(await.getValue().jobId()).isEqualTo(JOB);
    verify(io).saveLogs(new SaveJobLogs(JOB, JOB));
    verify(io).saveResult(new SaveJobResult(JOB, RESULTS));
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(JOB, "succeeded", outcome("succeeded", false), null, null));
    assertThat(RecordingIngest.requests).isEmpty();
  }

  @Test
  void storeToDatasetIngestsTheResultsAsAChildWorkflow() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(true);

    JobResult result =
        run(
            request(
                new GeneratedDatasetSpec("d-lead-3-predictions.csv", "predictions", "lead-3"), 60));

    String datasetId = JobWorkflow.generatedDatasetId(JOB);
    assertThat(result.status()).isEqualTo("succeeded");
    assertThat(result.generatedDatasetId()).isEqualTo(datasetId);
    // the ingest builds the CSV from results.json itself: no staged copy to write and delete
    verify(io, never()).writeGeneratedCsv(any());
    assertThat(RecordingIngest.requests)
        .containsExactly(
            DatasetIngestRequest.fromJobResults(
                datasetId, RESULTS, "predictions", "d-lead-3-predictions.csv", JOB, "lead-3"));
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(JOB, "succeeded", outcome("succeeded", false), null, datasetId));
    verify(io, never()).recordGeneratedDataset(any());
    assertThat(
            env.getWorkflowClient()
                .fetchHistory("dataset-ingest-" + datasetId)
                .getHistory()
                .getEventsCount())
        .isPositive();
  }

  @Test
  void aJobPastItsTimeoutIsRecordedStopped() {
    long before = env.currentTimeMillis();
    when(ray.await(any())).thenReturn(outcome("stopped", true));

    JobResult result = run(request(null, 1));

    assertThat(result.status()).isEqualTo("stopped");
    assertThat(result.failureReason()).contains("timeout of 1 s");
    ArgumentCaptor<AwaitRayJob> await = ArgumentCaptor.forClass(AwaitRayJob.class);
    verify(ray).await(await.capture());
    assertThat(await.getValue().deadlineEpochMillis()).isBetween(before + 1000, before + 2000);
    verify(io).saveLogs(new SaveJobLogs(JOB, JOB));
    verify(io, never()).saveResult(any());
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(
                JOB, "stopped", outcome("stopped", true), result.failureReason(), null));
  }

  @Test
  void aFailedRayJobIsRecordedFailedWithRaysMessage() {
    when(ray.await(any())).thenReturn(outcome("failed", false));

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason()).isEqualTo("msg failed");
    verify(io, never()).saveResult(any());
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(JOB, "failed", outcome("failed", false), "msg failed", null));
  }

  static RayJobOutcome ended(String submissionId, String status, String message, Integer code) {
    return new RayJobOutcome(submissionId, status, message, null, 1L, 2L, code, false);
  }

  @Test
  void anInferenceJobWhoseProgramWasKilledIsResubmittedOnceWithADerivedIdAndResumes() {
    String retry = JOB + "-retry-1";
    RayJobOutcome killed =
        ended(JOB, "failed", "Job entrypoint command failed with exit code 137", null);
    RayJobOutcome succeeded = ended(retry, "succeeded", null, 0);
    when(ray.await(any())).thenReturn(killed, succeeded);
    when(io.saveResult(any())).thenReturn(true);

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("succeeded");
    ArgumentCaptor<RayJobSubmission> submissions = ArgumentCaptor.forClass(RayJobSubmission.class);
    verify(ray, org.mockito.Mockito.times(2)).submit(submissions.capture());
    assertThat(submissions.getAllValues())
        .extracting(RayJobSubmission::submissionId)
        .containsExactly(JOB, retry);
    RayJobSubmission second = submissions.getAllValues().get(1);
    assertThat(second.programJobId()).isEqualTo(JOB); // progress and chunks under the job's id
    assertThat(second.configJson()).isEqualTo(request(null, 60).configJson());
    ArgumentCaptor<AwaitRayJob> awaits = ArgumentCaptor.forClass(AwaitRayJob.class);
    verify(ray, org.mockito.Mockito.times(2)).await(awaits.capture());
    assertThat(awaits.getAllValues().get(1))
        .isEqualTo(new AwaitRayJob(retry, JOB, awaits.getAllValues().get(0).deadlineEpochMillis()));
    verify(io).saveLogs(new SaveJobLogs(JOB, retry));
    verify(io).recordOutcome(new RecordJobOutcome(JOB, "succeeded", succeeded, null, null));
    // the replay test's histories/job-inference-resumed.json was recorded here
    writeHistory("job-inference-resumed.json");
  }

  private void writeHistory(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "histories");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(
          dir.resolve(name),
          env.getWorkflowClient()
              .fetchHistory(ai.lumigator.workflows.WorkflowIds.job(JOB))
              .toJson(true));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aKilledProgramIsResubmittedAtMostTwiceThenTheJobFails() {
    RayJobOutcome killed = ended(JOB, "failed", "Job entrypoint command failed", -9);
    when(ray.await(any())).thenReturn(killed);

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("failed");
    ArgumentCaptor<RayJobSubmission> submissions = ArgumentCaptor.forClass(RayJobSubmission.class);
    verify(ray, org.mockito.Mockito.times(3)).submit(submissions.capture());
    assertThat(submissions.getAllValues())
        .extracting(RayJobSubmission::submissionId)
        .containsExactly(JOB, JOB + "-retry-1", JOB + "-retry-2");
  }

  @Test
  void aProgramThatFailedByItselfIsNotResubmitted() {
    RayJobOutcome error =
        ended(JOB, "failed", "Job entrypoint command failed with exit code 1, last logs: ...", 1);
    when(ray.await(any())).thenReturn(error);

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("failed");
    verify(ray).submit(any());
    verify(io).recordOutcome(new RecordJobOutcome(JOB, "failed", error, error.message(), null));
  }

  @Test
  void aRefusedSubmitIsRecordedFailedWithItsReason() {
    when(ray.submit(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "Requested secret key 'openai_api_key' is not configured.", "SecretNotConfigured"));

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason())
        .isEqualTo("Requested secret key 'openai_api_key' is not configured.");
    verify(ray, never()).await(any());
    verify(io)
        .recordOutcome(new RecordJobOutcome(JOB, "failed", null, result.failureReason(), null));
  }

  @Test
  void succeededOnRayWithoutResultsIsAFailure() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(false);

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason()).contains("without writing its results");
  }

  @Test
  void withoutResultsAGeneratedDatasetDoesNotMakeTheJobSucceed() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(false);
    RecordingIngest.failure = "Job wrote no results to build a dataset from";

    JobResult result =
        run(request(new GeneratedDatasetSpec("d-predictions.csv", "predictions", "lead-3"), 60));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason()).contains("without writing its results");
    assertThat(result.generatedDatasetId()).isNull();
    verify(io).saveLogs(new SaveJobLogs(JOB, JOB));
  }

  @Test
  void aGeneratedDatasetThatCannotBeStoredFailsTheJobWithTheReasonAndLogsStillSaved() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(true);
    RecordingIngest.failure = "column 'predictions' missing";

    JobResult result =
        run(request(new GeneratedDatasetSpec("d-predictions.csv", "predictions", "lead-3"), 60));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason())
        .isEqualTo("Storing the generated dataset failed: column 'predictions' missing");
    verify(io).saveLogs(new SaveJobLogs(JOB, JOB));
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(
                JOB, "failed", outcome("succeeded", false), result.failureReason(), null));
  }

  @Test
  void transientActivityFailuresAreRetriedAcrossTimeUntilTheyPass() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any()))
        .thenThrow(new IllegalStateException("S3 unreachable"))
        .thenThrow(new IllegalStateException("S3 unreachable"))
        .thenReturn(true);

    JobResult result = run(request(null, 60));

    assertThat(result.status()).isEqualTo("succeeded");
    verify(io, org.mockito.Mockito.times(3)).saveResult(any());
  }

  @Test
  void cancellingTheWorkflowStopsTheWaitAndRecordsStopped() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    when(ray.await(any()))
        .thenAnswer(
            inv -> {
              waiting.countDown();
              var ctx = Activity.getExecutionContext();
              while (true) {
                ctx.heartbeat("running"); // throws once the workflow is cancelled
                Thread.sleep(50);
              }
            });
    JobRequest request = request(null, 3600);
    JobWorkflow wf =
        env.getWorkflowClient().newWorkflowStub(JobWorkflow.class, JobWorkflows.options(request));
    WorkflowClient.start(wf::run, request);
    assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(wf.state().status()).isEqualTo("pending");
    wf.observe(new JobObservation("running", 3, 10));
    assertThat(wf.state()).isEqualTo(new JobState("running", 3, 10));

    WorkflowStub.fromTyped(wf).cancel();

    // the workflow ends cancelled (Temporal reports a cancel-requested run so) after recording
    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(JobResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    verify(ray).stop(JOB);
    verify(io).saveLogs(new SaveJobLogs(JOB, JOB));
    verify(io)
        .recordOutcome(new RecordJobOutcome(JOB, "stopped", null, "Stopped on request", null));
    assertThat(wf.state().status()).isEqualTo("stopped");
  }

  @Test
  void searchAttributesNameTheJob() {
    when(ray.await(any())).thenReturn(outcome("succeeded", false));
    when(io.saveResult(any())).thenReturn(true);
    run(request(null, 60));
    var described =
        env.getWorkflowClient()
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(env.getNamespace())
                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId("job-" + JOB))
                    .build());
    var fields = described.getWorkflowExecutionInfo().getSearchAttributes().getIndexedFieldsMap();
    assertThat(fields)
        .containsKeys("LumigatorJobId", "LumigatorJobType", "LumigatorDatasetId", "LumigatorModel");
  }
}
