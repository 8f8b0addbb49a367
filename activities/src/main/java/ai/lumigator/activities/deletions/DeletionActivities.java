package ai.lumigator.activities.deletions;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The steps of a deletion, each idempotent (run again, it finds less to do): what to remove, stop
 * what still runs, remove the objects, then the rows. Runs on the I/O task queue.
 */
@ActivityInterface
public interface DeletionActivities {

  /** What the deletion removes, from the rows as they are now (marked deleted or not). */
  @ActivityMethod
  DeletionPlan plan(DeletionRequest request);

  /**
   * Cancels each workflow (one already closed or never started is fine) and waits until all have
   * closed, heartbeating; fails (retryable) when some still run after {@link
   * DeletionActivitiesImpl#STOP_WAIT}, so the next attempt cancels and waits again.
   */
  @ActivityMethod
  void stop(List<StopTarget> targets);

  /** Removes the plan's S3 objects (those already gone are fine). */
  @ActivityMethod
  void removeObjects(DeletionPlan plan);

  /** Removes the plan's rows: jobs and datasets, then the workflows, then the experiment. */
  @ActivityMethod
  void removeRows(DeletionPlan plan);
}
