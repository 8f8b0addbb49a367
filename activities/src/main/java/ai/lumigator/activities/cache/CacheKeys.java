package ai.lumigator.activities.cache;

/** Storage keys of the inference cache: {@code inference-cache/<content key>/...}. */
public final class CacheKeys {
  private CacheKeys() {}

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
