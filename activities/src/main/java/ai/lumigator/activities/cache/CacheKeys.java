package ai.lumigator.activities.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Storage keys of the inference cache: {@code inference-cache/<content key>/...}. */
public final class CacheKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CacheKeys() {}

  /**
   * The folder of the entry a job's row names (its {@code cache_json}), if any: a deletion removes
   * it with the job or its dataset, so no copy of their rows stays in the cache.
   */
  public static Optional<String> prefixOfJob(String cacheJson) {
    if (cacheJson == null) return Optional.empty();
    try {
      String key = JSON.readValue(cacheJson, CacheUse.class).key();
      return key != null && key.matches("[0-9a-f]{64}")
          ? Optional.of(prefix(key))
          : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  public static String prefix(String cacheKey) {
    if (!cacheKey.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 hex cache key: " + cacheKey);
    }
    return "inference-cache/" + cacheKey + "/";
  }

  public static String results(String cacheKey) {
    return prefix(cacheKey) + "results.json";
  }

  public static String entry(String cacheKey) {
    return prefix(cacheKey) + "entry.json";
  }
}
