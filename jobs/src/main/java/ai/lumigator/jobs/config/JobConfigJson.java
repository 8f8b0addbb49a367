package ai.lumigator.jobs.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON of the job program configs: snake_case as API.md shows, unknown fields tolerated on read.
 * The records carry their own annotations, so any Jackson mapper writes the same JSON; this class
 * is the one place the jobs module reads and writes it.
 */
public final class JobConfigJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private JobConfigJson() {}

  /** A mapper configured like this class's (safe to share; do not reconfigure). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "cannot write config as JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonNode toTree(Object config) {
    return MAPPER.valueToTree(config);
  }

  /**
   * Parses a config.
   *
   * @throws IllegalArgumentException with a one-line message when the JSON is malformed or does not
   *     fit the type
   */
  public static <T> T fromJson(String json, Class<T> type) {
    if (json == null || json.isBlank()) {
      throw new IllegalArgumentException("empty config");
    }
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new IllegalArgumentException(
          "invalid " + type.getSimpleName() + " JSON: " + oneLine(e.getOriginalMessage()) + where,
          e);
    }
  }

  public static InferenceJobConfig inference(String json) {
    return fromJson(json, InferenceJobConfig.class);
  }

  public static EvaluatorJobConfig evaluator(String json) {
    return fromJson(json, EvaluatorJobConfig.class);
  }

  public static SmokeConfig smoke(String json) {
    return fromJson(json, SmokeConfig.class);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
