package ai.lumigator.workflows.evaluations;

/**
 * What the wait on Ray saw of one of the workflow's jobs.
 *
 * @param status Ray's status lower-case (pending, running, succeeded, failed, stopped), or null
 *     when only progress changed
 * @param done samples finished, or -1 when unknown
 * @param total samples to do, or -1 when unknown
 */
public record EvaluationJobObservation(String jobId, String status, long done, long total) {}
