package ai.lumigator.workflows.smoke;

import ai.lumigator.activities.smoke.SmokeRequest;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Proves the spine end to end: an object into S3, a real Ray job running the jobs jar, its output
 * read back from S3, a row recorded through JDBI.
 */
@WorkflowInterface
public interface SmokeWorkflow {
  @WorkflowMethod
  SmokeResult run(SmokeRequest request);
}
