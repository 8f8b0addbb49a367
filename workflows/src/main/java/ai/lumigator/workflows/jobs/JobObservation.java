package ai.lumigator.workflows.jobs;

/**
 * What the wait on Ray saw, signalled to the job's workflow so its query can answer.
 *
 * @param status pending or running, or null when only progress changed
 * @param done samples finished, or -1 when unknown
 * @param total samples to do, or -1 when unknown
 */
public record JobObservation(String status, long done, long total) {}
