package ai.lumigator.activities.jobs;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.Set;

/** Ray side of a job: submit, wait for the end, stop, fetch logs. Runs on the Ray task queue. */
@ActivityInterface
public interface RayJobActivities {
  /** Activity types of this interface that record heartbeats of their own (with details). */
  Set<String> SELF_HEARTBEATING = Set.of("Await");

  /**
   * Submits the job with {@code submission_id} = the given id, uploading the jobs package first if
   * Ray lacks it. Idempotent: a job Ray already has under that id is adopted, not resubmitted.
   */
  @ActivityMethod
  RayJobHandle submit(RayJobSubmission submission);

  /**
   * Polls Ray until the job ends, heartbeating its status (and progress). Stops the Ray job when
   * the activity is cancelled or the deadline passes. Resumes from its heartbeat after a crash.
   */
  @ActivityMethod
  RayJobOutcome await(AwaitRayJob request);

  /** Asks Ray to stop the job; true when Ray accepted (false when already ended). */
  @ActivityMethod
  boolean stop(String submissionId);

  /** The job's driver logs as Ray has them now ("" when Ray no longer knows the job). */
  @ActivityMethod
  String logs(String submissionId);
}
