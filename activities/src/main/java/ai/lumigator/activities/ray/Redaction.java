package ai.lumigator.activities.ray;

import java.util.LinkedHashMap;
import java.util.Map;

/** Masks secret values of a runtime_env (environment variables) before it is shown or logged. */
final class Redaction {

  static final String MASK = "****";

  private Redaction() {}

  static Map<String, String> maskValues(Map<String, String> envVars) {
    if (envVars == null) {
      return null;
    }
    Map<String, String> masked = new LinkedHashMap<>();
    envVars.keySet().forEach(k -> masked.put(k, MASK));
    return masked;
  }

  /** A copy of {@code runtimeEnv} with every {@code env_vars} value masked; keys are kept. */
  static Map<String, Object> runtimeEnv(Map<String, Object> runtimeEnv) {
    if (runtimeEnv == null) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>(runtimeEnv);
    Object env = copy.get("env_vars");
    if (env instanceof Map<?, ?> vars) {
      Map<String, String> masked = new LinkedHashMap<>();
      vars.keySet().forEach(k -> masked.put(String.valueOf(k), MASK));
      copy.put("env_vars", masked);
    }
    return copy;
  }
}
