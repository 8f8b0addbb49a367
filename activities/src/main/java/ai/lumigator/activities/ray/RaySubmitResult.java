package ai.lumigator.activities.ray;

import java.util.Optional;

/**
 * Outcome of {@link RayJobsClient#submit}.
 *
 * @param submissionId the job's submission id
 * @param adopted true when Ray already had a job with this submission id (a retried submit) and
 *     that job was taken over instead of starting a new one
 * @param existing the adopted job as Ray reported it; empty for a new submission
 */
public record RaySubmitResult(
    String submissionId, boolean adopted, Optional<RayJobDetails> existing) {

  public static RaySubmitResult submitted(String submissionId) {
    return new RaySubmitResult(submissionId, false, Optional.empty());
  }

  public static RaySubmitResult adopted(RayJobDetails job) {
    return new RaySubmitResult(job.submissionId(), true, Optional.of(job));
  }
}
