package ai.lumigator.persistence.smoke;

/** A run of the foundation smoke workflow; {@code output} may be null. Epoch ms. */
public record SmokeRunRow(
    String id, String raySubmissionId, String status, String output, long createdAt) {}
