package ai.lumigator.workflows.smoke;

public record SmokeResult(String runId, String submissionId, String rayStatus, String output) {}
