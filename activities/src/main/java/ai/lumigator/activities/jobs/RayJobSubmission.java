package ai.lumigator.activities.jobs;

import java.util.Map;

/**
 * What to run on Ray.
 *
 * @param submissionId Ray's submission_id: the job id, so a retried submit finds the first one (a
 *     job resubmitted after its program was killed: {@code <job id>-retry-<n>})
 * @param command the job program's sub-command (smoke, inference, evaluator)
 * @param configJson the job program's --config (never holds a secret)
 * @param metadata Ray job metadata (shown in Ray's dashboard)
 * @param secretName name of a stored secret handed to the job as env {@code api_key}, or null
 * @param timeoutSeconds the job's timeout, handed to the job program as how long its results write
 *     may wait out an unreachable object store; null (histories before it) = the program's default
 * @param jobId the job id the program is told ({@code MZAI_JOB_ID}: its progress and chunk keys);
 *     null (histories before it) = the submission id
 */
public record RayJobSubmission(
    String submissionId,
    String command,
    String configJson,
    Map<String, String> metadata,
    String secretName,
    Long timeoutSeconds,
    String jobId) {

  public RayJobSubmission(
      String submissionId,
      String command,
      String configJson,
      Map<String, String> metadata,
      String secretName,
      Long timeoutSeconds) {
    this(submissionId, command, configJson, metadata, secretName, timeoutSeconds, null);
  }

  /** The job id the program is told. */
  public String programJobId() {
    return jobId != null ? jobId : submissionId;
  }

  public RayJobSubmission(
      String submissionId,
      String command,
      String configJson,
      Map<String, String> metadata,
      String secretName) {
    this(submissionId, command, configJson, metadata, secretName, null, null);
  }
}
