package ai.lumigator.persistence.workflows;

/**
 * A row of {@code workflows}. {@code baseUrl}, {@code secretKeyName}, {@code failureReason} and the
 * result fields ({@code metricsJson}, {@code parametersJson}, {@code compiledKey}) may be null.
 * Timestamps are epoch milliseconds.
 */
public record WorkflowRow(
    String id,
    String experimentId,
    String name,
    String description,
    String model,
    String provider,
    String baseUrl,
    String systemPrompt,
    String secretKeyName,
    String requestJson,
    String status,
    String failureReason,
    String metricsJson,
    String parametersJson,
    String compiledKey,
    long createdAt,
    long updatedAt) {}
