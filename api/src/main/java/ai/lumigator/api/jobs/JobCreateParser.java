package ai.lumigator.api.jobs;

import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.ValidationError;
import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceJobSettings;
import ai.lumigator.jobs.config.LlmAsJudge;
import ai.lumigator.jobs.config.TaskDefinition;
import ai.lumigator.jobs.inference.Providers;
import ai.lumigator.jobs.metrics.MetricRegistry;
import ai.lumigator.persistence.jobs.JobTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a {@code JobCreate} body (API.md, "Jobs") into a {@link JobSpec}: shape errors are 422 with
 * {loc, msg, type} items as FastAPI reports them; a well-formed request naming something this
 * release cannot run (unknown metric, the hf provider) is 422 with a message.
 */
public final class JobCreateParser {
  static final long DEFAULT_TIMEOUT_SECONDS = 3600;
  private static final Set<String> GENERATION_KEYS =
      Set.of("max_new_tokens", "frequency_penalty", "temperature", "top_p");
  private static final String HF =
      "Provider hf is not available in this release; serve the model with vLLM and use provider"
          + " hosted_vllm";

  private final List<ValidationError> errors = new ArrayList<>();

  private JobCreateParser() {}

  /**
   * @param endpointType the job type of the endpoint the body was posted to
   */
  public static JobSpec parse(JsonNode body, String endpointType) {
    return new JobCreateParser().read(body, endpointType);
  }

  private JobSpec read(JsonNode body, String endpointType) {
    if (body == null || !body.isObject()) {
      throw new RequestShapeException(
          List.of(
              new ValidationError(
                  List.of("body"), "Input should be a valid dictionary", "dict_type")));
    }
    String name = requiredString(body, "name", List.of("body", "name"));
    String description = optionalString(body, "description", List.of("body", "description"), "");
    UUID dataset = uuid(body, "dataset", List.of("body", "dataset"));
    int maxSamples = optionalInt(body, "max_samples", List.of("body", "max_samples"), -1);
    int batchSize = optionalInt(body, "batch_size", List.of("body", "batch_size"), 1);
    if (batchSize < 1) {
      add(List.of("body", "batch_size"), "Input should be greater than 0", "greater_than");
    }
    long timeout =
        optionalInt(
            body,
            "job_timeout_sec",
            List.of("body", "job_timeout_sec"),
            (int) DEFAULT_TIMEOUT_SECONDS);
    if (timeout < 1) {
      add(List.of("body", "job_timeout_sec"), "Input should be greater than 0", "greater_than");
    }
    JsonNode config = body.get("job_config");
    List<Object> at = List.of("body", "job_config");
    if (config == null || config.isNull()) {
      add(at, "Field required", "missing");
      throw new RequestShapeException(errors);
    }
    if (!config.isObject()) {
      add(at, "Input should be a valid dictionary", "dict_type");
      throw new RequestShapeException(errors);
    }
    JsonNode typeNode = config.get("job_type");
    String jobType = typeNode == null || typeNode.isNull() ? endpointType : typeNode.asText();
    if (!jobType.equals(endpointType)) {
      add(
          List.of("body", "job_config", "job_type"),
          "Input should be '" + endpointType + "' for this endpoint",
          "literal_error");
      throw new RequestShapeException(errors);
    }
    JobSpec spec =
        JobTypes.EVALUATOR.equals(jobType)
            ? evaluator(config, name, description, dataset, maxSamples, batchSize, timeout)
            : inference(
                config, jobType, name, description, dataset, maxSamples, batchSize, timeout);
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    return spec;
  }

  private JobSpec inference(
      JsonNode c,
      String jobType,
      String name,
      String description,
      UUID dataset,
      int maxSamples,
      int batchSize,
      long timeout) {
    List<Object> at = List.of("body", "job_config");
    String model = requiredString(c, "model", path(at, "model"));
    String provider = requiredString(c, "provider", path(at, "provider"));
    TaskDefinition task = task(c.get("task_definition"), path(at, "task_definition"));
    String baseUrl = optionalString(c, "base_url", path(at, "base_url"), null);
    boolean annotate = JobTypes.ANNOTATE.equals(jobType);
    String outputField =
        annotate
            ? "ground_truth"
            : optionalString(
                c,
                "output_field",
                path(at, "output_field"),
                InferenceJobSettings.DEFAULT_OUTPUT_FIELD);
    String systemPrompt = optionalString(c, "system_prompt", path(at, "system_prompt"), null);
    String secret = optionalString(c, "secret_key_name", path(at, "secret_key_name"), null);
    boolean store = annotate || optionalBool(c, "store_to_dataset", path(at, "store_to_dataset"));
    GenerationConfig generation =
        generation(c.get("generation_config"), path(at, "generation_config"));
    if (outputField != null && outputField.isBlank()) {
      add(path(at, "output_field"), "String should have at least 1 character", "string_too_short");
    }
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    String p = provider.trim().toLowerCase(Locale.ROOT);
    if ("hf".equals(p)) throw new InvalidInputException(HF);
    if (!Providers.SUPPORTED.contains(p)) {
      throw new InvalidInputException(
          "Unsupported provider '"
              + provider
              + "'. Supported providers: "
              + String.join(", ", Providers.SUPPORTED));
    }
    if (Providers.NEED_BASE_URL.contains(p) && (baseUrl == null || baseUrl.isBlank())) {
      throw new InvalidInputException(
          "Provider " + p + " needs base_url (" + Providers.needsWhat(p) + ")");
    }
    return new JobSpec(
        jobType,
        name,
        description,
        dataset,
        maxSamples,
        batchSize,
        timeout,
        task,
        secret,
        model,
        p,
        baseUrl,
        outputField,
        systemPrompt,
        store,
        generation,
        null,
        null);
  }

  private JobSpec evaluator(
      JsonNode c,
      String name,
      String description,
      UUID dataset,
      int maxSamples,
      int batchSize,
      long timeout) {
    List<Object> at = List.of("body", "job_config");
    TaskDefinition task = task(c.get("task_definition"), path(at, "task_definition"));
    String secret = optionalString(c, "secret_key_name", path(at, "secret_key_name"), null);
    List<String> metrics = null;
    JsonNode m = c.get("metrics");
    if (m != null && !m.isNull()) {
      if (!m.isArray()) {
        add(path(at, "metrics"), "Input should be a valid list", "list_type");
      } else {
        metrics = new ArrayList<>();
        for (int i = 0; i < m.size(); i++) {
          if (!m.get(i).isTextual()) {
            add(path(path(at, "metrics"), i), "Input should be a valid string", "string_type");
          } else {
            metrics.add(m.get(i).asText());
          }
        }
      }
    }
    LlmAsJudge judge = null;
    JsonNode j = c.get("llm_as_judge");
    if (j != null && !j.isNull()) {
      if (!j.isObject()) {
        add(path(at, "llm_as_judge"), "Input should be a valid dictionary", "dict_type");
      } else {
        judge =
            new LlmAsJudge(
                optionalString(j, "model_name", path(path(at, "llm_as_judge"), "model_name"), null),
                optionalString(
                    j, "model_base_url", path(path(at, "llm_as_judge"), "model_base_url"), null));
      }
    }
    if (!errors.isEmpty()) throw new RequestShapeException(errors);
    if (metrics == null || metrics.isEmpty()) metrics = MetricRegistry.defaultsFor(task.task());
    List<String> supported = MetricRegistry.supported();
    List<String> unknown = metrics.stream().filter(x -> !supported.contains(x)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(
          "Unsupported metric(s): "
              + String.join(", ", unknown)
              + ". Supported metrics: "
              + String.join(", ", supported));
    }
    return new JobSpec(
        JobTypes.EVALUATOR,
        name,
        description,
        dataset,
        maxSamples,
        batchSize,
        timeout,
        task,
        secret,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        List.copyOf(metrics),
        judge);
  }

  private TaskDefinition task(JsonNode t, List<Object> at) {
    if (t == null || t.isNull()) return TaskDefinition.summarization();
    if (!t.isObject()) {
      add(at, "Input should be a valid dictionary", "dict_type");
      return TaskDefinition.summarization();
    }
    String task = t.path("task").asText(null);
    Set<String> allowed =
        TaskDefinition.TRANSLATION.equals(task)
            ? Set.of("task", "source_language", "target_language")
            : Set.of("task");
    for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k))
        add(path(at, k), "Extra inputs are not permitted", "extra_forbidden");
    }
    if (task == null) {
      add(path(at, "task"), "Field required", "missing");
      return TaskDefinition.summarization();
    }
    switch (task) {
      case TaskDefinition.SUMMARIZATION:
        return TaskDefinition.summarization();
      case TaskDefinition.TEXT_GENERATION:
        return TaskDefinition.textGeneration();
      case TaskDefinition.TRANSLATION:
        String src = requiredString(t, "source_language", path(at, "source_language"));
        String tgt = requiredString(t, "target_language", path(at, "target_language"));
        return TaskDefinition.translation(src, tgt);
      default:
        add(
            path(at, "task"),
            "Input tag '"
                + task
                + "' found using 'task' does not match any of the expected tags: 'summarization',"
                + " 'translation', 'text-generation'",
            "union_tag_invalid");
        return TaskDefinition.summarization();
    }
  }

  private GenerationConfig generation(JsonNode g, List<Object> at) {
    if (g == null || g.isNull()) return GenerationConfig.defaults();
    if (!g.isObject()) {
      add(at, "Input should be a valid dictionary", "dict_type");
      return GenerationConfig.defaults();
    }
    for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!GENERATION_KEYS.contains(k)) {
        add(path(at, k), "Extra inputs are not permitted", "extra_forbidden");
      }
    }
    int maxNewTokens =
        optionalInt(
            g,
            "max_new_tokens",
            path(at, "max_new_tokens"),
            GenerationConfig.DEFAULT_MAX_NEW_TOKENS);
    if (maxNewTokens < 1) {
      add(path(at, "max_new_tokens"), "Input should be greater than 0", "greater_than");
    }
    return new GenerationConfig(
        maxNewTokens,
        number(
            g,
            "frequency_penalty",
            path(at, "frequency_penalty"),
            GenerationConfig.DEFAULT_FREQUENCY_PENALTY),
        number(g, "temperature", path(at, "temperature"), GenerationConfig.DEFAULT_TEMPERATURE),
        number(g, "top_p", path(at, "top_p"), GenerationConfig.DEFAULT_TOP_P));
  }

  private String requiredString(JsonNode n, String field, List<Object> at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      add(at, "Field required", "missing");
      return null;
    }
    if (!v.isTextual()) {
      add(at, "Input should be a valid string", "string_type");
      return null;
    }
    if (v.asText().isBlank()) {
      add(at, "String should have at least 1 character", "string_too_short");
      return null;
    }
    return v.asText();
  }

  private String optionalString(JsonNode n, String field, List<Object> at, String dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isTextual()) {
      add(at, "Input should be a valid string", "string_type");
      return dflt;
    }
    return v.asText();
  }

  private int optionalInt(JsonNode n, String field, List<Object> at, int dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      add(at, "Input should be a valid integer", "int_type");
      return dflt;
    }
    return v.asInt();
  }

  private double number(JsonNode n, String field, List<Object> at, double dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return dflt;
    if (!v.isNumber()) {
      add(at, "Input should be a valid number", "float_type");
      return dflt;
    }
    return v.asDouble();
  }

  private boolean optionalBool(JsonNode n, String field, List<Object> at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) return false;
    if (!v.isBoolean()) {
      add(at, "Input should be a valid boolean", "bool_type");
      return false;
    }
    return v.asBoolean();
  }

  private UUID uuid(JsonNode n, String field, List<Object> at) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      add(at, "Field required", "missing");
      return null;
    }
    try {
      return UUID.fromString(v.asText());
    } catch (IllegalArgumentException e) {
      add(at, "Input should be a valid UUID", "uuid_parsing");
      return null;
    }
  }

  private void add(List<Object> loc, String msg, String type) {
    errors.add(new ValidationError(loc, msg, type));
  }

  private static List<Object> path(List<Object> base, Object next) {
    List<Object> p = new ArrayList<>(base);
    p.add(next);
    return p;
  }
}
