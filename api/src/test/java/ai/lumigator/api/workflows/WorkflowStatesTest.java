package ai.lumigator.api.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.workflows.evaluations.EvaluationPhases;
import ai.lumigator.workflows.evaluations.EvaluationState;
import io.grpc.Status;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a read treats Temporal's answers: a busy query is retried, an unreachable server is 503. */
class WorkflowStatesTest {
  WorkflowServiceGrpc.WorkflowServiceBlockingStub stub;
  WorkflowStates states;

  @BeforeEach
  void setUp() {
    stub = mock(WorkflowServiceGrpc.WorkflowServiceBlockingStub.class);
    when(stub.withDeadlineAfter(anyLong(), any(TimeUnit.class))).thenReturn(stub);
    WorkflowServiceStubs stubs = mock(WorkflowServiceStubs.class);
    when(stubs.blockingStub()).thenReturn(stub);
    WorkflowClient client = mock(WorkflowClient.class);
    when(client.getWorkflowServiceStubs()).thenReturn(stubs);
    when(client.getOptions())
        .thenReturn(
            WorkflowClientOptions.newBuilder()
                .setNamespace("default")
                .validateAndBuildWithDefaults());
    states = new WorkflowStates(client);
  }

  @Test
  void aQueryRefusedForLoadRightAfterCreateIsRetried() {
    EvaluationState running = new EvaluationState(EvaluationPhases.INFERENCE, null, null, -1, -1);
    QueryWorkflowResponse answer =
        QueryWorkflowResponse.newBuilder()
            .setQueryResult(
                DefaultDataConverter.newDefaultInstance().toPayloads(running).orElseThrow())
            .build();
    when(stub.queryWorkflow(any(QueryWorkflowRequest.class)))
        .thenThrow(
            Status.RESOURCE_EXHAUSTED
                .withDescription("consistent query buffer is full")
                .asRuntimeException())
        .thenThrow(
            Status.RESOURCE_EXHAUSTED
                .withDescription("consistent query buffer is full")
                .asRuntimeException())
        .thenReturn(answer);

    assertThat(states.state("w1")).contains(running);
    verify(stub, times(3)).queryWorkflow(any(QueryWorkflowRequest.class));
  }

  @Test
  void aQueryStillRefusedAfterTheRetriesHasNoLiveAnswer() {
    when(stub.queryWorkflow(any(QueryWorkflowRequest.class)))
        .thenThrow(Status.RESOURCE_EXHAUSTED.asRuntimeException());

    assertThat(states.state("w1")).isEmpty();
    verify(stub, times(1 + WorkflowStates.QUERY_RETRY_WAITS.size()))
        .queryWorkflow(any(QueryWorkflowRequest.class));
  }

  @Test
  void anUnreachableServerIsA503() {
    when(stub.describeWorkflowExecution(any(DescribeWorkflowExecutionRequest.class)))
        .thenThrow(Status.UNAVAILABLE.withDescription("io exception").asRuntimeException());

    assertThatThrownBy(() -> states.execution("w1"))
        .isInstanceOf(UpstreamException.class)
        .hasMessage("Upstream error with Temporal: unreachable; try again in a few seconds");
  }

  @Test
  void withoutAQueryAnswerThePhaseComesFromTheJobsRows() {
    assertThat(WorkflowService.storedState(Optional.empty(), Optional.empty()).phase())
        .isEqualTo(EvaluationPhases.INFERENCE);
    JobRow inference = job("i", "running", 3L, 10L);
    assertThat(WorkflowService.storedState(Optional.of(inference), Optional.empty()))
        .isEqualTo(new EvaluationState(EvaluationPhases.INFERENCE, "i", "running", 3, 10));
    assertThat(
            WorkflowService.storedState(
                    Optional.of(job("i", "succeeded", 10L, 10L)), Optional.empty())
                .phase())
        .isEqualTo(EvaluationPhases.INGEST_PREDICTIONS);
    assertThat(
            WorkflowService.storedState(
                Optional.of(job("i", "succeeded", 10L, 10L)),
                Optional.of(job("e", "pending", null, null))))
        .isEqualTo(new EvaluationState(EvaluationPhases.EVALUATION, "e", "pending", -1, -1));
    assertThat(
            WorkflowService.storedState(
                    Optional.of(job("i", "succeeded", 10L, 10L)),
                    Optional.of(job("e", "succeeded", 10L, 10L)))
                .phase())
        .isEqualTo(EvaluationPhases.COMPILE);
  }

  static JobRow job(String id, String status, Long done, Long total) {
    JobRow created = JobRow.created(id, "n", "", "inference", "d", null, "{}", "{}", null, 0L);
    return new JobRow(
        created.id(),
        created.name(),
        created.description(),
        created.jobType(),
        status,
        created.datasetId(),
        created.experimentId(),
        created.configJson(),
        created.requestJson(),
        created.secretKeyName(),
        created.resultsKey(),
        created.raySubmissionId(),
        created.rayStatus(),
        created.rayMessage(),
        created.rayErrorType(),
        created.rayStartTime(),
        created.rayEndTime(),
        created.rayDriverExitCode(),
        created.rayEntrypoint(),
        created.rayRuntimeEnvJson(),
        created.rayMetadataJson(),
        created.logs(),
        created.resultSummaryJson(),
        created.generatedDatasetId(),
        done,
        total,
        created.failureReason(),
        created.createdAt(),
        created.updatedAt(),
        created.cacheJson());
  }
}
