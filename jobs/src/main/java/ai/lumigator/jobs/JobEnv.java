package ai.lumigator.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment a job program reads.
 *
 * <ul>
 *   <li>{@value #JOB_ID}: the job id (progress object name). When absent, the id is taken from the
 *       config's {@code name} ({@code <job name>/<job id>}) if its last segment is a UUID.
 *   <li>{@value #SECRET_REF}: the {@code s3://} address of the provider key, optional, read once
 *       ({@link JobSecret}).
 *   <li>{@value #API_KEY}: the provider key itself, as workers before {@value #SECRET_REF} passed
 *       it; optional, never printed.
 *   <li>{@value #CHUNK_SIZE}: samples per chunk an inference job keeps in S3 for a retry to resume
 *       from (default 16), optional.
 *   <li>{@code LUMIGATOR_S3_ENDPOINT}, {@code AWS_REGION}, the AWS credential variables, {@code
 *       LUMIGATOR_S3_RETRY_WINDOW_SECONDS} and {@code LUMIGATOR_JOB_TIMEOUT_SECONDS} (how long
 *       reads and writes wait out an unreachable store): see {@link
 *       ai.lumigator.jobs.storage.S3ObjectStore#fromEnv}.
 * </ul>
 */
public record JobEnv(Map<String, String> vars) {
  public static final String JOB_ID = "MZAI_JOB_ID";
  public static final String API_KEY = "api_key";
  public static final String SECRET_REF = "LUMIGATOR_JOB_SECRET";
  public static final String CHUNK_SIZE = "LUMIGATOR_INFERENCE_CHUNK_SIZE";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  public static JobEnv system() {
    return new JobEnv(System.getenv());
  }

  public Optional<String> get(String name) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  /** The provider key, or null. */
  public String apiKey() {
    String v = vars.get(API_KEY);
    return v == null || v.isBlank() ? null : v;
  }

  /** {@value #CHUNK_SIZE}, else {@code fallback}; refuses a value that is not a positive number. */
  public int chunkSize(int fallback) {
    Optional<String> v = get(CHUNK_SIZE);
    if (v.isEmpty()) return fallback;
    try {
      int n = Integer.parseInt(v.get());
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        CHUNK_SIZE + " must be a positive number, got '" + v.get() + "'");
  }

  /** {@value #JOB_ID}, else the UUID at the end of the config name. */
  public Optional<String> jobId(String configName) {
    Optional<String> id = get(JOB_ID);
    if (id.isPresent() || configName == null) {
      return id;
    }
    int slash = configName.lastIndexOf('/');
    String last = configName.substring(slash + 1);
    return UUID.matcher(last).matches() ? Optional.of(last) : Optional.empty();
  }
}
