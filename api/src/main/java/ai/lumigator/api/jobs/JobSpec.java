package ai.lumigator.api.jobs;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.LlmAsJudge;
import ai.lumigator.jobs.config.TaskDefinition;
import java.util.List;
import java.util.UUID;

/**
 * A validated job create request. Inference and annotate fill the model fields, the evaluator the
 * metric fields; the others are null. {@code useCache}: whether an inference may reuse cached
 * predictions (true unless the request said {@code "use_cache": false}).
 */
public record JobSpec(
    String jobType,
    String name,
    String description,
    UUID datasetId,
    int maxSamples,
    int batchSize,
    long timeoutSeconds,
    TaskDefinition taskDefinition,
    String secretKeyName,
    String model,
    String provider,
    String baseUrl,
    String outputField,
    String systemPrompt,
    boolean storeToDataset,
    GenerationConfig generationConfig,
    List<String> metrics,
    LlmAsJudge llmAsJudge,
    boolean useCache) {}
