package ai.lumigator.workflows.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.evaluations.CompileEvaluation;
import ai.lumigator.activities.evaluations.CompiledEvaluation;
import ai.lumigator.activities.evaluations.CreateWorkflowJob;
import ai.lumigator.activities.evaluations.EvaluationActivities;
import ai.lumigator.activities.evaluations.WorkflowFailure;
import ai.lumigator.activities.evaluations.WorkflowRef;
import ai.lumigator.activities.jobs.AwaitRayJob;
import ai.lumigator.activities.jobs.GeneratedCsv;
import ai.lumigator.activities.jobs.JobActivities;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobHandle;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.jobs.RecordJobOutcome;
import ai.lumigator.activities.jobs.WriteGeneratedCsv;
import ai.lumigator.workflows.datasets.DatasetIngestWorkflow;
import ai.lumigator.workflows.jobs.GeneratedDatasetSpec;
import ai.lumigator.workflows.jobs.JobRequest;
import ai.lumigator.workflows.jobs.JobWorkflow;
import ai.lumigator.workflows.jobs.JobWorkflowImpl;
import io.temporal.activity.Activity;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * EvaluationWorkflowImpl on the in-memory server (time skipping) with the real JobWorkflowImpl as
 * its children and mocked activities: the happy path, every failure path, timeout, stop, query.
 */
class EvaluationWorkflowTest {
  static final String WF = "33333333-3333-3333-3333-333333333333";
  static final String EXPERIMENT = "44444444-4444-4444-4444-444444444444";
  static final String DATASET = "55555555-5555-5555-5555-555555555555";
  static final String INF = EvaluationWorkflows.inferenceJobId(WF);
  static final String EV = EvaluationWorkflows.evaluatorJobId(WF);
  static final String PREDICTIONS = JobWorkflow.generatedDatasetId(INF);
  static final String INF_RESULTS = "jobs/results/wf-inference/" + INF + "/results.json";
  static final String EV_RESULTS = "jobs/results/wf-evaluation/" + EV + "/results.json";

  /** Stands in for the dataset ingest: the dataset gets the id it was asked for. */
  public static class IngestStub implements DatasetIngestWorkflow {
    @Override
    public String ingest(DatasetIngestRequest request) {
      return request.datasetId();
    }
  }

  private TestWorkflowEnvironment env;
  private EvaluationActivities evaluations;
  private JobActivities jobs;
  private RayJobActivities ray;

  /** How the wait on Ray ends, per job. */
  private final Map<String, Callable<RayJobOutcome>> awaits = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() {
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
    evaluations = mock(EvaluationActivities.class, withSettings().withoutAnnotations());
    jobs = mock(JobActivities.class, withSettings().withoutAnnotations());
    ray = mock(RayJobActivities.class, withSettings().withoutAnnotations());
    Worker orchestration = env.newWorker(TaskQueues.ORCHESTRATION);
    orchestration.registerWorkflowImplementationTypes(
        EvaluationWorkflowImpl.class, JobWorkflowImpl.class, IngestStub.class);
    // the database-only steps run as local activities on the workflows' own queue
    orchestration.registerActivitiesImplementations(evaluations, jobs);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(evaluations, jobs);
    env.newWorker(TaskQueues.RAY).registerActivitiesImplementations(ray);
    env.start();
    when(ray.submit(any()))
        .thenAnswer(
            inv ->
                new RayJobHandle(
                    ((RayJobSubmission) inv.getArgument(0)).submissionId(), "", false));
    when(ray.await(any()))
        .thenAnswer(inv -> awaits.get(((AwaitRayJob) inv.getArgument(0)).jobId()).call());
    when(jobs.saveResult(any())).thenReturn(true);
    when(jobs.writeGeneratedCsv(any()))
        .thenAnswer(
            inv -> new GeneratedCsv(((WriteGeneratedCsv) inv.getArgument(0)).stagingKey(), 9, 3));
    when(evaluations.compile(any()))
        .thenReturn(new CompiledEvaluation("workflows/results/" + WF + "/compiled.json", 7));
    awaits.put(INF, () -> outcome(INF, "succeeded", false));
    awaits.put(EV, () -> outcome(EV, "succeeded", false));
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static RayJobOutcome outcome(String jobId, String status, boolean timedOut) {
    return new RayJobOutcome(jobId, status, "ray says " + status, null, 1L, 2L, 0, timedOut);
  }

  static EvaluationRequest request(long timeoutSeconds) {
    JobRequest inference =
        new JobRequest(
            INF,
            "inference",
            "inference",
            "{\"name\":\"wf-inference/" + INF + "\"}",
            null,
            DATASET,
            "lead-3",
            INF_RESULTS,
            timeoutSeconds,
            10,
            new GeneratedDatasetSpec("d-lead-3-predictions.csv", "predictions", "lead-3"),
            null);
    JobRequest evaluator =
        new JobRequest(
            EV,
            "evaluator",
            "evaluator",
            "{\"name\":\"wf-evaluation/" + EV + "\"}",
            null,
            PREDICTIONS,
            null,
            EV_RESULTS,
            timeoutSeconds,
            10,
            null,
            null);
    return new EvaluationRequest(
        WF,
        EXPERIMENT,
        DATASET,
        "lead-3",
        new EvaluationJob("wf-inference", "d", "{\"inference\":true}", inference),
        new EvaluationJob("wf-evaluation", "d", "{\"evaluator\":true}", evaluator));
  }

  private EvaluationWorkflow start(EvaluationRequest request) {
    EvaluationWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(EvaluationWorkflow.class, EvaluationWorkflows.options(request));
    WorkflowClient.start(wf::run, request);
    return wf;
  }

  private EvaluationResult run(EvaluationRequest request) {
    return WorkflowStub.fromTyped(start(request)).getResult(EvaluationResult.class);
  }

  @Test
  void inferenceThenEvaluatorOnItsPredictionsThenCompileThenSucceeded() {
    EvaluationResult result = run(request(3600));

    assertThat(result).isEqualTo(new EvaluationResult(WF, "succeeded", null));
    InOrder order = inOrder(evaluations, ray);
    // marking the workflow running and creating the inference job's row run side by side
    order
        .verify(evaluations)
        .createJob(
            new CreateWorkflowJob(
                WF,
                "inference",
                INF,
                "wf-inference",
                "d",
                "inference",
                DATASET,
                EXPERIMENT,
                "{\"name\":\"wf-inference/" + INF + "\"}",
                "{\"inference\":true}",
                null));
    order.verify(ray).submit(argThat(s -> s.submissionId().equals(INF)));
    order
        .verify(evaluations)
        .createJob(argThat(j -> j.jobId().equals(EV) && j.datasetId().equals(PREDICTIONS)));
    order.verify(ray).submit(argThat(s -> s.submissionId().equals(EV)));
    order
        .verify(evaluations)
        .compile(new CompileEvaluation(WF, INF, INF_RESULTS, EV, EV_RESULTS, PREDICTIONS, true));
    // the compile step records the workflow succeeded with its results: no step of its own
    verify(evaluations, never()).markSucceeded(any());
    InOrder runningFirst = inOrder(evaluations, ray);
    runningFirst.verify(evaluations).markRunning(new WorkflowRef(WF));
    runningFirst.verify(ray).submit(argThat(s -> s.submissionId().equals(INF)));
    verify(evaluations, never()).markFailed(any());
    verify(jobs, never()).writeGeneratedCsv(any());
    verify(jobs)
        .recordOutcome(argThat(o -> o.jobId().equals(INF) && o.status().equals("succeeded")));
    verify(jobs)
        .recordOutcome(argThat(o -> o.jobId().equals(EV) && o.status().equals("succeeded")));
    assertThat(WorkflowStub.fromTyped(existing()).describe().getStatus().name())
        .isEqualTo("WORKFLOW_EXECUTION_STATUS_COMPLETED");
    assertThat(existing().state()).isEqualTo(new EvaluationState("done", null, null, -1, -1));
  }

  @Test
  void theDatabaseOnlyStepsAreLocalActivitiesSoTheInferenceJobStartsInTheFirstWorkflowTask() {
    run(request(3600));

    List<String> scheduled = new ArrayList<>();
    for (String workflowId : List.of("evaluation-" + WF, "job-" + INF, "job-" + EV)) {
      List<HistoryEvent> events = env.getWorkflowClient().fetchHistory(workflowId).getEvents();
      events.stream()
          .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
          .map(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
          .forEach(scheduled::add);
      if (workflowId.startsWith("evaluation-")) {
        // started, task scheduled/started/completed, then the version markers, both local
        // activities' markers and the child's start in that same task's commands
        long tasksBeforeChild =
            events.stream()
                .takeWhile(e -> !e.hasStartChildWorkflowExecutionInitiatedEventAttributes())
                .filter(HistoryEvent::hasWorkflowTaskCompletedEventAttributes)
                .count();
        assertThat(tasksBeforeChild).isEqualTo(1);
      }
    }
    assertThat(scheduled)
        .isNotEmpty()
        .doesNotContain("MarkRunning", "CreateJob", "RecordOutcome", "MarkFailed");
    verify(evaluations).markRunning(new WorkflowRef(WF));
    verify(evaluations, times(2)).createJob(any());
    verify(jobs, times(2)).recordOutcome(any());
  }

  private EvaluationWorkflow existing() {
    return EvaluationWorkflows.existing(env.getWorkflowClient(), WF);
  }

  @Test
  void searchAttributesNameTheExperimentModelAndDatasetAndTheJobsTheirExperiment() {
    run(request(60));

    assertThat(searchAttributes("evaluation-" + WF))
        .containsKeys("LumigatorExperimentId", "LumigatorModel", "LumigatorDatasetId")
        .doesNotContainKey("LumigatorJobId");
    assertThat(searchAttributes("job-" + INF))
        .containsKeys(
            "LumigatorJobId",
            "LumigatorJobType",
            "LumigatorExperimentId",
            "LumigatorModel",
            "LumigatorDatasetId");
    assertThat(searchAttributes("job-" + EV))
        .containsKeys("LumigatorJobId", "LumigatorExperimentId");
  }

  private Map<String, ?> searchAttributes(String workflowId) {
    return env.getWorkflowClient()
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(env.getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getWorkflowExecutionInfo()
        .getSearchAttributes()
        .getIndexedFieldsMap();
  }

  @Test
  void aFailedInferenceJobFailsTheWorkflowWithItsReasonAndNoEvaluatorIsCreated() {
    awaits.put(INF, () -> outcome(INF, "failed", false));

    EvaluationResult result = run(request(60));

    String reason = "Inference job " + INF + " failed: ray says failed";
    assertThat(result).isEqualTo(new EvaluationResult(WF, "failed", reason));
    verify(evaluations).markFailed(new WorkflowFailure(WF, reason));
    verify(evaluations, never()).createJob(argThat(j -> j.jobId().equals(EV)));
    verify(evaluations, never()).compile(any());
    verify(evaluations, never()).markSucceeded(any());
  }

  @Test
  void aLongFailureReasonIsCutToItsStart() {
    String logs = "x".repeat(20_000);
    awaits.put(
        INF,
        () ->
            new RayJobOutcome(
                INF, "failed", "exit code 1, last logs: " + logs, null, 1L, 2L, 1, false));

    EvaluationResult result = run(request(60));

    assertThat(result.failureReason())
        .startsWith("Inference job " + INF + " failed: exit code 1, last logs: xxx")
        .endsWith("[... see GET /api/v1/workflows/{id}/logs for the rest]")
        .hasSizeLessThan(2100);
  }

  @Test
  void anEvaluatorPastItsTimeoutIsStoppedAndTheWorkflowFails() {
    long before = env.currentTimeMillis();
    awaits.put(EV, () -> outcome(EV, "stopped", true));

    EvaluationResult result = run(request(5));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.failureReason())
        .isEqualTo(
            "Evaluation job " + EV + " stopped: Job exceeded its timeout of 5 s and was stopped");
    verify(evaluations).markFailed(new WorkflowFailure(WF, result.failureReason()));
    verify(jobs).recordOutcome(argThat(o -> o.jobId().equals(EV) && o.status().equals("stopped")));
    // the timeout is per job: each job's wait got its own deadline of 5 s from its own start
    verify(ray)
        .await(
            argThat(
                a ->
                    a.jobId().equals(INF)
                        && a.deadlineEpochMillis() >= before + 5000
                        && a.deadlineEpochMillis() < before + 6000));
    verify(ray).await(argThat(a -> a.jobId().equals(EV) && a.deadlineEpochMillis() > 0));
    verify(evaluations, never()).compile(any());
  }

  @Test
  void aCompileThatCannotReadTheResultsFailsTheWorkflowWithItsReason() {
    when(evaluations.compile(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "Job " + EV + " wrote no results at " + EV_RESULTS, "NoResults"));

    EvaluationResult result = run(request(60));

    assertThat(result.failureReason())
        .isEqualTo("Job " + EV + " wrote no results at " + EV_RESULTS);
    verify(evaluations).markFailed(new WorkflowFailure(WF, result.failureReason()));
    verify(evaluations, never()).markSucceeded(any());
  }

  @Test
  void aJobRowThatCannotBeCreatedFailsTheWorkflowAndNoRayJobStarts() {
    doThrow(
            ApplicationFailure.newNonRetryableFailure(
                "Workflow " + WF + " no longer exists", "WorkflowMissing"))
        .when(evaluations)
        .createJob(any());

    EvaluationResult result = run(request(60));

    assertThat(result.failureReason()).isEqualTo("Workflow " + WF + " no longer exists");
    verify(ray, never()).submit(any());
    // the row, if an earlier attempt made it, must not stay created
    verify(jobs)
        .recordOutcome(new RecordJobOutcome(INF, "failed", null, result.failureReason(), null));
  }

  @Test
  void transientFailuresOfTheFinalStatusWriteAreRetriedUntilItIsRecorded() {
    doThrow(new IllegalStateException("database is locked"))
        .doThrow(new IllegalStateException("database is locked"))
        .doReturn(null)
        .when(evaluations)
        .compile(any());

    EvaluationResult result = run(request(60));

    assertThat(result.status()).isEqualTo("succeeded");
    verify(evaluations, times(3))
        .compile(new CompileEvaluation(WF, INF, INF_RESULTS, EV, EV_RESULTS, PREDICTIONS, true));
  }

  @Test
  void theQueryReportsPhaseJobAndProgressFromTheJobsObservations() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    awaits.put(
        INF,
        () -> {
          waiting.countDown();
          assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
          return outcome(INF, "succeeded", false);
        });
    EvaluationWorkflow wf = start(request(3600));
    assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(wf.state()).isEqualTo(new EvaluationState("inference", INF, "created", -1, -1));
    wf.jobObserved(new EvaluationJobObservation(INF, "running", -1, -1));
    wf.jobObserved(new EvaluationJobObservation(INF, null, 3, 10));
    wf.jobObserved(new EvaluationJobObservation("another-job", "failed", 9, 9));
    assertThat(wf.state()).isEqualTo(new EvaluationState("inference", INF, "running", 3, 10));
    wf.jobObserved(new EvaluationJobObservation(INF, null, 10, 10));
    wf.jobObserved(new EvaluationJobObservation(INF, "succeeded", -1, -1));
    assertThat(wf.state())
        .isEqualTo(new EvaluationState("ingest-predictions", INF, "succeeded", 10, 10));

    release.countDown();
    assertThat(WorkflowStub.fromTyped(wf).getResult(EvaluationResult.class).status())
        .isEqualTo("succeeded");
    assertThat(wf.state().phase()).isEqualTo("done");
  }

  @Test
  void cancellingItStopsTheRunningJobAndRecordsStoppedByUser() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    awaits.put(
        INF,
        () -> {
          waiting.countDown();
          var ctx = Activity.getExecutionContext();
          while (true) {
            ctx.heartbeat("running"); // throws once the wait is cancelled
            Thread.sleep(50);
          }
        });
    EvaluationWorkflow wf = start(request(3600));
    assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(wf).cancel();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(EvaluationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    verify(ray).stop(INF);
    // by the job's workflow, and again (a no-op on a stopped row) by the evaluation's clean-up
    verify(jobs, atLeastOnce())
        .recordOutcome(new RecordJobOutcome(INF, "stopped", null, "Stopped on request", null));
    verify(evaluations).markFailed(new WorkflowFailure(WF, "stopped by user"));
    verify(evaluations, never()).createJob(argThat(j -> j.jobId().equals(EV)));
    verify(ray, never()).submit(argThat(s -> s.submissionId().equals(EV)));
    assertThat(wf.state().phase()).isEqualTo("done");
  }
}
