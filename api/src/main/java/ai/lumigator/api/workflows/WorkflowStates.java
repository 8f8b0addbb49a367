package ai.lumigator.api.workflows;

import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.evaluations.EvaluationState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of a workflow's evaluation workflow: whether it still runs, and its query
 * (phase and progress). Each call has a short deadline: a read must not hang for the SDK's default
 * query timeout when no worker answers; it then just lacks the live fields.
 */
@Component
class WorkflowStates {
  private static final Logger log = LoggerFactory.getLogger(WorkflowStates.class);
  static final Duration DEADLINE = Duration.ofSeconds(2);

  /** The evaluation workflow as Temporal sees it. */
  enum Execution {
    RUNNING,
    CLOSED,
    NOT_FOUND,
    UNKNOWN
  }

  private final WorkflowClient client;

  WorkflowStates(WorkflowClient client) {
    this.client = client;
  }

  private WorkflowServiceGrpc.WorkflowServiceBlockingStub stub() {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }

  Execution execution(String workflowId) {
    try {
      WorkflowExecutionStatus status =
          stub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(workflowExecution(WorkflowIds.evaluation(workflowId)))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? Execution.RUNNING
          : Execution.CLOSED;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) return Execution.NOT_FOUND;
      log.warn("Workflow {}: Temporal did not describe it: {}", workflowId, e.getStatus());
      return Execution.UNKNOWN;
    }
  }

  /** The running evaluation workflow's query, if a worker answered in time. */
  Optional<EvaluationState> state(String workflowId) {
    try {
      QueryWorkflowResponse response =
          stub()
              .queryWorkflow(
                  QueryWorkflowRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(workflowExecution(WorkflowIds.evaluation(workflowId)))
                      .setQuery(WorkflowQuery.newBuilder().setQueryType("state"))
                      .build());
      if (!response.hasQueryResult()) return Optional.empty();
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(
                  0,
                  Optional.of(response.getQueryResult()),
                  EvaluationState.class,
                  EvaluationState.class));
    } catch (RuntimeException e) {
      log.info("Workflow {}: no query answer: {}", workflowId, e.getMessage());
      return Optional.empty();
    }
  }

  private static WorkflowExecution workflowExecution(String id) {
    return WorkflowExecution.newBuilder().setWorkflowId(id).build();
  }
}
