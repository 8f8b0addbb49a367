package ai.lumigator.api.workflows;

import ai.lumigator.api.errors.UpstreamException;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of a workflow's evaluation workflow: whether it still runs, and its query
 * (phase and progress). Each call has a short deadline: a read must not hang for the SDK's default
 * query timeout when no worker answers; it then just lacks the live fields. An unreachable server
 * is a 503 with one short log line per request (never the gRPC stack trace); a query the server
 * refuses for load ({@code RESOURCE_EXHAUSTED: consistent query buffer is full}, seen right after a
 * create) is retried briefly.
 */
@Component
class WorkflowStates {
  private static final Logger log = LoggerFactory.getLogger(WorkflowStates.class);
  static final Duration DEADLINE = Duration.ofSeconds(2);

  /** Waits before the retries of a query the server refused for load. */
  static final List<Duration> QUERY_RETRY_WAITS =
      List.of(Duration.ofMillis(50), Duration.ofMillis(150), Duration.ofMillis(400));

  static final String UNREACHABLE = "unreachable; try again in a few seconds";

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
      if (unreachable(e) || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
        throw unreachable(workflowId, e);
      }
      log.warn("Workflow {}: Temporal did not describe it: {}", workflowId, e.getStatus());
      return Execution.UNKNOWN;
    }
  }

  /**
   * The running evaluation workflow's query, if a worker answered in time; retried a few times
   * while the server refuses it for load.
   */
  Optional<EvaluationState> state(String workflowId) {
    for (int attempt = 0; ; attempt++) {
      try {
        return query(workflowId);
      } catch (StatusRuntimeException e) {
        if (unreachable(e)) throw unreachable(workflowId, e);
        if (e.getStatus().getCode() != Status.Code.RESOURCE_EXHAUSTED
            || attempt == QUERY_RETRY_WAITS.size()) {
          log.info("Workflow {}: no query answer: {}", workflowId, e.getStatus());
          return Optional.empty();
        }
        if (!sleep(QUERY_RETRY_WAITS.get(attempt))) return Optional.empty();
      } catch (RuntimeException e) {
        log.info("Workflow {}: no query answer: {}", workflowId, e.getMessage());
        return Optional.empty();
      }
    }
  }

  private Optional<EvaluationState> query(String workflowId) {
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
  }

  /**
   * The server did not answer at all. (A query's DEADLINE_EXCEEDED is a worker that did not answer
   * in time: the read then just lacks the live fields.)
   */
  static boolean unreachable(StatusRuntimeException e) {
    return e.getStatus().getCode() == Status.Code.UNAVAILABLE;
  }

  private static UpstreamException unreachable(String workflowId, StatusRuntimeException e) {
    log.warn(
        "Workflow {}: Temporal unreachable ({}), answered 503",
        workflowId,
        e.getStatus().getCode());
    return new UpstreamException("Temporal", UNREACHABLE, e);
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static WorkflowExecution workflowExecution(String id) {
    return WorkflowExecution.newBuilder().setWorkflowId(id).build();
  }
}
