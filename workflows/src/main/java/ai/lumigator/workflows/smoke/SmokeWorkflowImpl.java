package ai.lumigator.workflows.smoke;

import ai.lumigator.activities.jobs.AwaitRayJob;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobHandle;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.smoke.SmokeActivities;
import ai.lumigator.activities.smoke.SmokeRecord;
import ai.lumigator.activities.smoke.SmokeRequest;
import ai.lumigator.workflows.ActivityStubs;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

public class SmokeWorkflowImpl implements SmokeWorkflow {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  private final SmokeActivities io = ActivityStubs.io(SmokeActivities.class);
  private final RayJobActivities ray = ActivityStubs.raySubmit(RayJobActivities.class);
  private final RayJobActivities rayAwait =
      ActivityStubs.rayAwait(RayJobActivities.class, JOB_TIMEOUT);

  @Override
  public SmokeResult run(SmokeRequest request) {
    String runId = request.runId();
    io.writeInput(request);
    String submissionId = "smoke-" + runId;
    RayJobHandle handle =
        ray.submit(
            new RayJobSubmission(
                submissionId, "smoke", io.jobConfig(runId), Map.of("job_type", "smoke"), null));
    long deadline = Workflow.currentTimeMillis() + JOB_TIMEOUT.toMillis();
    RayJobOutcome outcome = rayAwait.await(new AwaitRayJob(handle.submissionId(), null, deadline));
    String output = outcome.succeeded() ? io.readOutput(runId) : null;
    io.record(new SmokeRecord(runId, submissionId, outcome.status(), output));
    return new SmokeResult(runId, submissionId, outcome.status(), output);
  }
}
