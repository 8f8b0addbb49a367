package ai.lumigator.workflows.evaluations;

import ai.lumigator.workflows.jobs.JobRequest;

/**
 * One job of a Lumigator workflow: what its row holds besides the job workflow's request.
 *
 * @param name {@code {workflow name}-inference} or {@code {workflow name}-evaluation}
 * @param requestJson the job create request this job stands for (shown as the job's request)
 */
public record EvaluationJob(String name, String description, String requestJson, JobRequest job) {}
