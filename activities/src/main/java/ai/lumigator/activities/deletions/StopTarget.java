package ai.lumigator.activities.deletions;

/** A Temporal workflow to cancel and wait for (evaluation-{id} or job-{id}). */
public record StopTarget(String temporalWorkflowId) {}
