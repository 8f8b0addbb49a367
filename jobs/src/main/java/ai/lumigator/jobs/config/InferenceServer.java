package ai.lumigator.jobs.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code "inference_server": {"base_url": null, "model": "gpt-4o-mini", "provider": "openai",
 * "max_retries": 3}}.
 *
 * <p>Two optional fields of our own, omitted from JSON when null:
 *
 * <ul>
 *   <li>{@code concurrency}: how many requests the job keeps in flight at once. Null = {@link
 *       #DEFAULT_CONCURRENCY} for remote providers, 1 for {@code baseline}. (The job-level {@code
 *       batch_size} is kept for compatibility and not used by remote providers: a chat-completions
 *       request holds one example.)
 *   <li>{@code request_timeout_sec}: timeout of one HTTP request. Null = {@link
 *       #DEFAULT_REQUEST_TIMEOUT_SEC}.
 * </ul>
 *
 * <p>{@code max_retries}: retries after the first attempt of one sample (null = {@link
 * #DEFAULT_MAX_RETRIES}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InferenceServer(
    @JsonProperty("base_url") String baseUrl,
    @JsonProperty("model") String model,
    @JsonProperty("provider") String provider,
    @JsonProperty("max_retries") Integer maxRetries,
    @JsonProperty("concurrency") @JsonInclude(JsonInclude.Include.NON_NULL) Integer concurrency,
    @JsonProperty("request_timeout_sec") @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer requestTimeoutSec) {

  public static final int DEFAULT_MAX_RETRIES = 3;
  public static final int DEFAULT_CONCURRENCY = 16;
  public static final int DEFAULT_REQUEST_TIMEOUT_SEC = 300;

  public InferenceServer {
    maxRetries = maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
  }

  /** The shape API.md shows: base URL (null = the provider's default), model, provider, retries. */
  public static InferenceServer of(String baseUrl, String model, String provider, int maxRetries) {
    return new InferenceServer(baseUrl, model, provider, maxRetries, null, null);
  }

  public InferenceServer withConcurrency(Integer concurrency) {
    return new InferenceServer(
        baseUrl, model, provider, maxRetries, concurrency, requestTimeoutSec);
  }

  public InferenceServer withRequestTimeoutSec(Integer requestTimeoutSec) {
    return new InferenceServer(
        baseUrl, model, provider, maxRetries, concurrency, requestTimeoutSec);
  }
}
