package ai.lumigator.activities.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replaces the value of every key that names a secret ({@code api_key} in it, or ending in {@code
 * _token}: {@code hf_token}, {@code access_token}, but not {@code max_new_tokens};
 * case-insensitive) with {@value #MASK}, at any depth of maps and lists. Applied before Ray's
 * runtime_env is stored and again before any job detail is shown.
 */
public final class SecretRedaction {
  public static final String MASK = "<REDACTED>";

  private SecretRedaction() {}

  public static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("api_key") || k.endsWith("_token");
  }

  /** A redacted deep copy; maps keep their key order. Non-container values are returned as is. */
  public static Object redact(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = String.valueOf(k);
            copy.put(key, isSecretKey(key) && v != null ? MASK : redact(v));
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(redact(v)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> redactMap(Map<String, ?> map) {
    return map == null ? null : (Map<String, Object>) redact(map);
  }
}
