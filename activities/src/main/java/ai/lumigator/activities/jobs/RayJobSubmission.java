package ai.lumigator.activities.jobs;

import java.util.Map;

/**
 * What to run on Ray.
 *
 * @param submissionId Ray's submission_id: the job id, so a retried submit finds the first one
 * @param command the job program's sub-command (smoke, inference, evaluator)
 * @param configJson the job program's --config (never holds a secret)
 * @param metadata Ray job metadata (shown in Ray's dashboard)
 * @param secretName name of a stored secret handed to the job as env {@code api_key}, or null
 */
public record RayJobSubmission(
    String submissionId,
    String command,
    String configJson,
    Map<String, String> metadata,
    String secretName) {}
