package ai.lumigator.workflows;

import ai.lumigator.activities.TaskQueues;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity options in one place, so every workflow routes and retries the same way. Call only from
 * workflow code (the stubs are workflow-bound).
 */
public final class ActivityStubs {
  /** Heartbeat timeout of the await activities: a few Ray poll intervals. */
  public static final Duration AWAIT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  private static final RetryOptions TRANSIENT =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  /**
   * Start-to-close bound of the short activities (S3, database, one Ray call): they take seconds,
   * this bounds one that hangs. A worker that dies mid-activity is noticed by the heartbeat timeout
   * instead ({@link #SHORT_HEARTBEAT_TIMEOUT}).
   */
  static final Duration SHORT_ACTIVITY_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Heartbeat timeout of the short activities, whose heartbeats the worker sends while they run
   * ({@code KeepAliveHeartbeats}): how soon one held by a worker that died is retried elsewhere.
   */
  public static final Duration SHORT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  private ActivityStubs() {}

  /** S3, CSV and database work on the I/O queue; transient failures retry until they pass. */
  public static <T> T io(Class<T> type) {
    return Workflow.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.IO)
            .setStartToCloseTimeout(SHORT_ACTIVITY_TIMEOUT)
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /**
   * I/O on the I/O queue whose transient failures retry only until {@code deadline} has passed
   * since the first attempt; then the activity fails, so the workflow can clean up and report.
   */
  public static <T> T ioWithin(Class<T> type, Duration deadline) {
    return Workflow.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.IO)
            .setStartToCloseTimeout(attemptBound(deadline, SHORT_ACTIVITY_TIMEOUT))
            .setHeartbeatTimeout(attemptBound(deadline, SHORT_HEARTBEAT_TIMEOUT))
            .setScheduleToCloseTimeout(deadline)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /**
   * Database-only steps as local activities: run by the worker that runs the workflow, inside its
   * workflow task, so they cost no task-queue round trip. Only for short, idempotent writes: a
   * worker that dies mid-step leaves the workflow task to time out and be run again elsewhere. The
   * workflow's task queue must register the implementation (worker.yaml's orchestration worker).
   */
  public static <T> T localDatabase(Class<T> type) {
    return Workflow.newLocalActivityStub(
        type,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(LOCAL_ACTIVITY_TIMEOUT)
            // without it the SDK gives up after the first failed attempt (a busy database failed
            // the workflow for good); with it, retries run until the window closes
            .setScheduleToCloseTimeout(LOCAL_DATABASE_RETRY_WINDOW)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /**
   * {@link #localDatabase(Class)} whose transient failures retry only until {@code deadline} has
   * passed since the first attempt (as {@link #ioWithin(Class, Duration)}).
   */
  public static <T> T localDatabaseWithin(Class<T> type, Duration deadline) {
    return Workflow.newLocalActivityStub(
        type,
        LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(attemptBound(deadline, LOCAL_ACTIVITY_TIMEOUT))
            .setScheduleToCloseTimeout(deadline)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /** How long a local database step is retried (e.g. through a database locked by another). */
  static final Duration LOCAL_DATABASE_RETRY_WINDOW = Duration.ofMinutes(10);

  /** Start-to-close bound of one attempt of a local database step. */
  static final Duration LOCAL_ACTIVITY_TIMEOUT = Duration.ofSeconds(30);

  /** One attempt's bound when all attempts must end within {@code deadline}. */
  private static Duration attemptBound(Duration deadline, Duration attemptTimeout) {
    return deadline.compareTo(attemptTimeout) < 0 ? deadline : attemptTimeout;
  }

  /** Short calls to Ray (submit, stop, logs). */
  public static <T> T raySubmit(Class<T> type) {
    return Workflow.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.RAY)
            .setStartToCloseTimeout(SHORT_ACTIVITY_TIMEOUT)
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /**
   * A submit that a cancellation waits for: once it returns, the caller knows whether Ray has the
   * job, so a cancelled workflow can stop it instead of leaving it running.
   */
  public static <T> T raySubmitCompletingOnCancel(Class<T> type) {
    return Workflow.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.RAY)
            .setStartToCloseTimeout(SHORT_ACTIVITY_TIMEOUT)
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT)
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
            .setRetryOptions(TRANSIENT)
            .build());
  }

  /**
   * The long await: heartbeats, so a dead worker is noticed within the heartbeat timeout and the
   * activity resumes elsewhere; cancellation waits until the activity has stopped the Ray job.
   */
  public static <T> T rayAwait(Class<T> type, Duration jobTimeout) {
    return rayAwait(type, jobTimeout, AWAIT_HEARTBEAT_TIMEOUT);
  }

  /** {@link #rayAwait(Class, Duration)} with the given heartbeat timeout (from configuration). */
  public static <T> T rayAwait(Class<T> type, Duration jobTimeout, Duration heartbeatTimeout) {
    return Workflow.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.RAY)
            .setStartToCloseTimeout(jobTimeout.plus(Duration.ofMinutes(10)))
            .setHeartbeatTimeout(heartbeatTimeout)
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
            .setRetryOptions(TRANSIENT)
            .build());
  }
}
