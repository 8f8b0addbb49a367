package ai.lumigator.api.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A {@code WorkflowCreateRequest} whose own fields are checked. {@code generationConfig}, {@code
 * metrics} and {@code llmAsJudge} are the request's nodes as sent (null when absent): the job
 * request parser checks them, as it does for jobs.
 */
record WorkflowSpec(
    String name,
    String description,
    UUID experimentId,
    String model,
    String provider,
    String baseUrl,
    String secretKeyName,
    String systemPrompt,
    String outputField,
    JsonNode batchSize,
    JsonNode jobTimeoutSec,
    JsonNode generationConfig,
    JsonNode metrics,
    JsonNode llmAsJudge) {}
