package ai.lumigator.activities.smoke;

public record SmokeRecord(String runId, String submissionId, String status, String output) {}
