package ai.lumigator.workflows.jobs;

/**
 * What a job workflow knows of its job now (its query).
 *
 * @param status created, pending, running or a terminal status
 * @param done samples finished, or -1 while unknown
 * @param total samples to do, or -1 while unknown
 */
public record JobState(String status, long done, long total) {}
