package ai.lumigator.workflows.evaluations;

/**
 * What an evaluation workflow is doing now (its query).
 *
 * @param phase one of {@link EvaluationPhases}
 * @param jobId the job of this phase, or null (before the first job, while compiling, when done)
 * @param jobStatus that job's last known status (created, pending, running, or Ray's terminal
 *     status), or null
 * @param done samples that job finished, or -1 while unknown
 * @param total samples that job has to do, or -1 while unknown
 */
public record EvaluationState(
    String phase, String jobId, String jobStatus, long done, long total) {}
