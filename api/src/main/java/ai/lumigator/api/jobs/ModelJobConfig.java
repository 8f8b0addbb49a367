package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.inference.Providers;
import java.util.Locale;

/** The settings of a job that runs a model (inference, annotate). */
sealed interface ModelJobConfig extends JobConfigRequest
    permits InferenceConfigRequest, AnnotateConfigRequest {
  String HF =
      "Provider hf is not available in this release; serve the model with vLLM and use provider"
          + " hosted_vllm";

  String model();

  String provider();

  TaskDefinitionRequest taskDefinition();

  String baseUrl();

  String systemPrompt();

  String secretKeyName();

  GenerationConfigRequest generationConfig();

  String outputField();

  boolean storesToDataset();

  /** Whether the job may reuse cached predictions (API.md, "Inference cache"). */
  boolean usesCache();

  @Override
  default JobSpec spec(JobCreateRequest<?> r) {
    String p = provider().trim().toLowerCase(Locale.ROOT);
    if ("hf".equals(p)) throw new InvalidInputException(HF);
    if (!Providers.SUPPORTED.contains(p)) {
      throw new InvalidInputException(
          "Unsupported provider '"
              + provider()
              + "'. Supported providers: "
              + String.join(", ", Providers.SUPPORTED));
    }
    if (Providers.NEED_BASE_URL.contains(p) && (baseUrl() == null || baseUrl().isBlank())) {
      throw new InvalidInputException(
          "Provider " + p + " needs base_url (" + Providers.needsWhat(p) + ")");
    }
    GenerationConfig generation =
        generationConfig() == null ? GenerationConfig.defaults() : generationConfig().config();
    return new JobSpec(
        type(),
        r.name(),
        r.descriptionOrDefault(),
        r.dataset(),
        r.maxSamplesOrDefault(),
        r.batchSizeOrDefault(),
        r.timeoutSecondsOrDefault(),
        TaskDefinitionRequest.orDefault(taskDefinition()),
        secretKeyName(),
        model(),
        p,
        baseUrl(),
        outputField(),
        systemPrompt(),
        storesToDataset(),
        generation,
        null,
        null,
        usesCache());
  }
}
