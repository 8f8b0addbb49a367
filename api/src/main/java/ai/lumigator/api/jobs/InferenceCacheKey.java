package ai.lumigator.api.jobs;

import ai.lumigator.jobs.config.GenerationConfig;
import ai.lumigator.jobs.config.InferenceJobConfig;
import ai.lumigator.jobs.config.InferenceServer;
import ai.lumigator.jobs.config.TaskDefinition;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content key of an inference (API.md, "Inference cache"): SHA-256 hex of the canonical JSON
 * (keys sorted, nulls kept) of what decides its predictions: model, provider, base URL, the system
 * prompt the model gets, the task (the prompt template), the generation config, the dataset's
 * SHA-256 and the rows used. Ids, names, paths, retries, concurrency, timeouts, the output column
 * and above all secrets are not part of it: the same inference under another name or key reuses the
 * same predictions.
 */
public final class InferenceCacheKey {
  /** Part of the content: raising it retires every entry (the job programs' outputs changed). */
  static final int FORMAT = 1;

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private InferenceCacheKey() {}

  /**
   * @param datasetSha256 the SHA-256 of the dataset's upload
   * @param datasetRows its row count: a {@code max_samples} that covers every row means all rows
   */
  public static String of(InferenceJobConfig config, String datasetSha256, long datasetRows) {
    return sha256(canonicalJson(config, datasetSha256, datasetRows));
  }

  static String canonicalJson(InferenceJobConfig config, String datasetSha256, long datasetRows) {
    InferenceServer server = config.inferenceServer();
    TaskDefinition task = config.taskDefinition();
    GenerationConfig generation = config.generationConfig();
    Map<String, Object> content = new TreeMap<>();
    content.put("format", FORMAT);
    content.put("model", server.model());
    content.put("provider", server.provider());
    content.put("base_url", baseUrl(server.baseUrl()));
    content.put("system_prompt", config.effectiveSystemPrompt());
    content.put(
        "task_definition",
        nullable(
            "task", task.task(),
            "source_language", task.sourceLanguage(),
            "target_language", task.targetLanguage()));
    content.put(
        "generation_config",
        nullable(
            "max_new_tokens", generation.maxNewTokens(),
            "frequency_penalty", generation.frequencyPenalty(),
            "temperature", generation.temperature(),
            "top_p", generation.topP()));
    content.put("dataset_sha256", datasetSha256);
    content.put("max_samples", rows(config.job().maxSamples(), datasetRows));
    try {
      return CANONICAL.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows used, as the job reads {@code max_samples}: -1 for all of them. */
  static long rows(int maxSamples, long datasetRows) {
    return maxSamples <= 0 || (datasetRows > 0 && maxSamples >= datasetRows) ? -1 : maxSamples;
  }

  private static String baseUrl(String url) {
    if (url == null || url.isBlank()) return null;
    String u = url.trim();
    while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
    return u;
  }

  private static Map<String, Object> nullable(Object... keysAndValues) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
