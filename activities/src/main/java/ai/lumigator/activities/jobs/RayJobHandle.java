package ai.lumigator.activities.jobs;

/**
 * @param adopted true when Ray already had a job with this submission id (a retried submit)
 */
public record RayJobHandle(String submissionId, String entrypoint, boolean adopted) {}
