package ai.lumigator.jobs.storage;

import ai.lumigator.jobs.JobLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} on S3 (or an S3-compatible server such as S3Proxy).
 *
 * <p>An unreachable store (connection refused or reset, timeouts, HTTP 5xx or 429) is waited out:
 * reads and deletes retry for {@code readWindow} (the job has not done its work yet: a store down
 * at its start costs a wait, not the job), writes for {@code writeWindow} (the job's results: up to
 * the job's timeout, past which the worker stops the job anyway). Errors of the request itself (not
 * found, access denied) fail at once. {@link #putOnce} makes one quick attempt only.
 */
public final class S3ObjectStore implements ObjectStore {
  /** Optional endpoint override (e.g. {@code http://127.0.0.1:9000}); path-style when set. */
  public static final String ENV_ENDPOINT = "LUMIGATOR_S3_ENDPOINT";

  /** Region; {@value #DEFAULT_REGION} when unset. */
  public static final String ENV_REGION = "AWS_REGION";

  /**
   * Seconds reads and deletes wait out an unreachable store; {@link #DEFAULT_READ_WINDOW} when
   * unset. The worker sets it from {@code LUMIGATOR_JOBS_S3_RETRY_WINDOW}.
   */
  public static final String ENV_RETRY_WINDOW = "LUMIGATOR_S3_RETRY_WINDOW_SECONDS";

  /**
   * The job's timeout in seconds: how long writes wait out an unreachable store; {@link
   * #DEFAULT_WRITE_WINDOW} when unset. The worker sets it from the job's timeout.
   */
  public static final String ENV_JOB_TIMEOUT = "LUMIGATOR_JOB_TIMEOUT_SECONDS";

  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_READ_WINDOW = Duration.ofMinutes(2);
  public static final Duration DEFAULT_WRITE_WINDOW = Duration.ofHours(1);

  /**
   * Attempts per request, with exponential backoff from 200 ms to 5 s: a job's results must survive
   * an S3 endpoint that refuses requests for several seconds (seen with a loaded S3Proxy: four
   * quick attempts within a second all failed and lost the job's work). About 11 s against a
   * refused connection; the retry windows repeat such requests.
   */
  static final int MAX_ATTEMPTS = 10;

  /** Pauses between two requests inside a retry window: doubling from 1 s, at most 10 s. */
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

  static final Duration MAX_PAUSE = Duration.ofSeconds(10);

  /** Bound of one {@link #putOnce}: connect, send and answer. */
  static final Duration ONCE_TIMEOUT = Duration.ofSeconds(3);

  private final S3Client s3;
  private final S3Client once;
  private final Duration readWindow;
  private final Duration writeWindow;

  public S3ObjectStore(S3Client s3) {
    this(s3, s3, Duration.ZERO, Duration.ZERO);
  }

  S3ObjectStore(S3Client s3, S3Client once, Duration readWindow, Duration writeWindow) {
    this.s3 = s3;
    this.once = once;
    this.readWindow = readWindow;
    this.writeWindow = writeWindow;
  }

  /**
   * A client configured from the environment: {@value #ENV_ENDPOINT} (optional, path-style access
   * when set), {@value #ENV_REGION} (default {@value #DEFAULT_REGION}), credentials from the AWS
   * default chain ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, profile, ...), the
   * retry windows from {@value #ENV_RETRY_WINDOW} and {@value #ENV_JOB_TIMEOUT}.
   */
  public static S3ObjectStore fromEnv(Map<String, String> env) {
    return createRetrying(
        env.get(ENV_ENDPOINT),
        env.get(ENV_REGION),
        DefaultCredentialsProvider.builder().build(),
        seconds(env, ENV_RETRY_WINDOW, DEFAULT_READ_WINDOW),
        seconds(env, ENV_JOB_TIMEOUT, DEFAULT_WRITE_WINDOW));
  }

  /**
   * A client for an endpoint (null/blank = AWS), a region (null/blank = default), credentials; each
   * request retried {@value #MAX_ATTEMPTS} times, no retry window.
   */
  public static S3ObjectStore create(
      String endpoint, String region, AwsCredentialsProvider credentials) {
    return createRetrying(endpoint, region, credentials, Duration.ZERO, Duration.ZERO);
  }

  /** As {@link #create(String, String, AwsCredentialsProvider)}, with retry windows. */
  public static S3ObjectStore createRetrying(
      String endpoint,
      String region,
      AwsCredentialsProvider credentials,
      Duration readWindow,
      Duration writeWindow) {
    return create(
        endpoint,
        region,
        credentials,
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        readWindow,
        writeWindow);
  }

  static S3ObjectStore create(
      String endpoint,
      String region,
      AwsCredentialsProvider credentials,
      Duration firstBackoff,
      Duration maxBackoff) {
    return create(
        endpoint, region, credentials, firstBackoff, maxBackoff, Duration.ZERO, Duration.ZERO);
  }

  static S3ObjectStore create(
      String endpoint,
      String region,
      AwsCredentialsProvider credentials,
      Duration firstBackoff,
      Duration maxBackoff,
      Duration readWindow,
      Duration writeWindow) {
    S3Client retrying =
        client(endpoint, region, credentials, UrlConnectionHttpClient.builder())
            .overrideConfiguration(c -> c.retryStrategy(retryStrategy(firstBackoff, maxBackoff)))
            .build();
    S3Client quick =
        client(
                endpoint,
                region,
                credentials,
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(ONCE_TIMEOUT)
                    .socketTimeout(ONCE_TIMEOUT))
            .overrideConfiguration(
                c ->
                    c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(ONCE_TIMEOUT)
                        .apiCallAttemptTimeout(ONCE_TIMEOUT))
            .build();
    return new S3ObjectStore(retrying, quick, readWindow, writeWindow);
  }

  private static software.amazon.awssdk.services.s3.S3ClientBuilder client(
      String endpoint,
      String region,
      AwsCredentialsProvider credentials,
      UrlConnectionHttpClient.Builder http) {
    var builder =
        S3Client.builder()
            .httpClientBuilder(http)
            .region(Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region.trim()))
            .credentialsProvider(credentials);
    if (endpoint != null && !endpoint.isBlank()) {
      builder
          .endpointOverride(URI.create(endpoint.trim()))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    return builder;
  }

  private static StandardRetryStrategy retryStrategy(Duration first, Duration max) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(first, max))
        .circuitBreakerEnabled(false)
        .build();
  }

  static Duration seconds(Map<String, String> env, String name, Duration fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      long s = Long.parseLong(v.trim());
      if (s < 0) throw new NumberFormatException();
      return Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number of seconds >= 0: '" + v + "'");
    }
  }

  public Duration readWindow() {
    return readWindow;
  }

  public Duration writeWindow() {
    return writeWindow;
  }

  @Override
  public InputStream open(S3Location location) {
    try {
      return retrying(
          "read " + location,
          readWindow,
          () ->
              s3.getObject(
                  GetObjectRequest.builder()
                      .bucket(location.bucket())
                      .key(location.key())
                      .build()));
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      throw new StorageException("object not found: " + location, e, true);
    } catch (S3Exception e) {
      boolean missing = e.statusCode() == 404;
      throw new StorageException(
          (missing ? "object not found: " : "cannot read ") + location + ": " + e.getMessage(),
          e,
          missing);
    } catch (SdkException e) {
      throw new StorageException("cannot read " + location + ": " + reason(e, readWindow), e);
    }
  }

  @Override
  public void put(S3Location location, byte[] content, String contentType) {
    try {
      retrying(
          "write " + location,
          writeWindow,
          () -> s3.putObject(request(location, contentType), RequestBody.fromBytes(content)));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + location + ": " + reason(e, writeWindow), e);
    }
  }

  @Override
  public void put(S3Location location, Path file, String contentType) {
    try {
      retrying(
          "write " + location,
          writeWindow,
          () -> s3.putObject(request(location, contentType), RequestBody.fromFile(file)));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + location + ": " + reason(e, writeWindow), e);
    }
  }

  /** One attempt, bounded by {@link #ONCE_TIMEOUT}. */
  @Override
  public void putOnce(S3Location location, byte[] content, String contentType) {
    try {
      once.putObject(request(location, contentType), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(S3Location location) {
    try {
      retrying(
          "delete " + location,
          readWindow,
          () ->
              s3.deleteObject(
                  DeleteObjectRequest.builder()
                      .bucket(location.bucket())
                      .key(location.key())
                      .build()));
    } catch (SdkException e) {
      throw new StorageException("cannot delete " + location + ": " + reason(e, readWindow), e);
    }
  }

  /**
   * Runs {@code call}; while it fails because the store is unreachable, runs it again after a pause
   * until {@code window} has passed since the first failure. One log line when the store stops
   * answering, one when it answers again.
   */
  private <T> T retrying(String what, Duration window, Supplier<T> call) {
    long firstFailure = 0;
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        T result = call.get();
        if (firstFailure != 0) {
          JobLog.info(
              String.format(
                  "object store answers again: %s done after %.1f s",
                  what, (System.nanoTime() - firstFailure) / 1e9));
        }
        return result;
      } catch (SdkException e) {
        if (!unreachable(e)) throw e;
        long now = System.nanoTime();
        if (firstFailure == 0) firstFailure = now;
        long left = window.toNanos() - (now - firstFailure);
        if (left <= 0) throw e;
        if (pause.toNanos() == FIRST_PAUSE.toNanos()) {
          JobLog.warn(
              "object store unreachable ("
                  + what
                  + ": "
                  + e.getMessage()
                  + "); retrying for up to "
                  + window.toSeconds()
                  + " s");
        }
        try {
          Thread.sleep(Math.min(pause.toMillis(), Math.max(1, left / 1_000_000)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    }
  }

  /** Connection refused or reset, a timeout, or the store's own 5xx / 429: worth waiting out. */
  static boolean unreachable(SdkException e) {
    if (e instanceof S3Exception s) {
      return s.statusCode() >= 500 || s.statusCode() == 429 || s.statusCode() == 0;
    }
    if (!(e instanceof SdkClientException)) return false;
    // a network failure or a timeout, not e.g. missing credentials
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException
          || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String reason(SdkException e, Duration window) {
    return unreachable(e) && !window.isZero()
        ? "object store unreachable for " + window.toSeconds() + " s: " + e.getMessage()
        : e.getMessage();
  }

  private static PutObjectRequest request(S3Location location, String contentType) {
    return PutObjectRequest.builder()
        .bucket(location.bucket())
        .key(location.key())
        .contentType(contentType)
        .build();
  }

  @Override
  public void close() {
    s3.close();
    if (once != s3) once.close();
  }
}
