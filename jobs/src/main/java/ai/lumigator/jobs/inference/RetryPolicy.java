package ai.lumigator.jobs.inference;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a remote client retries one sample.
 *
 * <p>Retried: HTTP 408, 409, 429 and every 5xx, connection failures, timeouts, and a 200 whose body
 * is not a chat completion. Not retried: other 4xx (bad key, unknown model, bad request) — retrying
 * cannot fix them.
 *
 * <p>Wait before retry k (k = 0, 1, ...): the server's {@code Retry-After} when it sent one
 * (delta-seconds or an HTTP date), capped at {@code maxRetryAfter}; otherwise exponential backoff
 * {@code min(maxBackoff, initialBackoff * 2^k)} with "equal jitter" (half fixed, half random).
 *
 * @param maxRetries retries after the first attempt ({@code inference_server.max_retries})
 */
public record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(120);

  public static RetryPolicy of(int maxRetries) {
    return new RetryPolicy(
        maxRetries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_MAX_RETRY_AFTER);
  }

  /** Backoff before retry {@code k} when the server gave no Retry-After. */
  public Duration backoff(int k) {
    long cap = maxBackoff.toMillis();
    long base = initialBackoff.toMillis();
    long exp = k >= 30 ? cap : Math.min(cap, base * (1L << k));
    long half = exp / 2;
    long jitter = half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0;
    return Duration.ofMillis(exp - half + jitter);
  }

  /** A server's Retry-After, capped. */
  public Duration capRetryAfter(Duration retryAfter) {
    if (retryAfter.isNegative()) {
      return Duration.ZERO;
    }
    return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
  }

  public static boolean retryableStatus(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }
}
