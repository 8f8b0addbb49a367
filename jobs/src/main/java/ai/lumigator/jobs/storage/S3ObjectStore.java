package ai.lumigator.jobs.storage;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
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

/** {@link ObjectStore} on S3 (or an S3-compatible server such as S3Proxy). */
public final class S3ObjectStore implements ObjectStore {
  /** Optional endpoint override (e.g. {@code http://127.0.0.1:9000}); path-style when set. */
  public static final String ENV_ENDPOINT = "LUMIGATOR_S3_ENDPOINT";

  /** Region; {@value #DEFAULT_REGION} when unset. */
  public static final String ENV_REGION = "AWS_REGION";

  public static final String DEFAULT_REGION = "us-east-1";

  /**
   * Attempts per request, with exponential backoff from 200 ms to 5 s: a job's results must survive
   * an S3 endpoint that refuses requests for several seconds (seen with a loaded S3Proxy: four
   * quick attempts within a second all failed and lost the job's work).
   */
  static final int MAX_ATTEMPTS = 10;

  private final S3Client s3;

  public S3ObjectStore(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * A client configured from the environment: {@value #ENV_ENDPOINT} (optional, path-style access
   * when set), {@value #ENV_REGION} (default {@value #DEFAULT_REGION}), credentials from the AWS
   * default chain ({@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY}, profile, ...).
   */
  public static S3ObjectStore fromEnv(Map<String, String> env) {
    return create(
        env.get(ENV_ENDPOINT), env.get(ENV_REGION), DefaultCredentialsProvider.builder().build());
  }

  /** A client for an endpoint (null/blank = AWS), a region (null/blank = default), credentials. */
  public static S3ObjectStore create(
      String endpoint, String region, AwsCredentialsProvider credentials) {
    return create(endpoint, region, credentials, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  static S3ObjectStore create(
      String endpoint,
      String region,
      AwsCredentialsProvider credentials,
      Duration firstBackoff,
      Duration maxBackoff) {
    var builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(region == null || region.isBlank() ? DEFAULT_REGION : region.trim()))
            .credentialsProvider(credentials)
            .overrideConfiguration(c -> c.retryStrategy(retryStrategy(firstBackoff, maxBackoff)));
    if (endpoint != null && !endpoint.isBlank()) {
      builder
          .endpointOverride(URI.create(endpoint.trim()))
          .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
    }
    return new S3ObjectStore(builder.build());
  }

  private static StandardRetryStrategy retryStrategy(Duration first, Duration max) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.exponentialDelay(first, max))
        .circuitBreakerEnabled(false)
        .build();
  }

  @Override
  public InputStream open(S3Location location) {
    try {
      return s3.getObject(
          GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
    } catch (NoSuchKeyException | NoSuchBucketException e) {
      throw new StorageException("object not found: " + location, e, true);
    } catch (S3Exception e) {
      boolean missing = e.statusCode() == 404;
      throw new StorageException(
          (missing ? "object not found: " : "cannot read ") + location + ": " + e.getMessage(),
          e,
          missing);
    } catch (SdkException e) {
      throw new StorageException("cannot read " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(S3Location location, byte[] content, String contentType) {
    try {
      s3.putObject(request(location, contentType), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void put(S3Location location, Path file, String contentType) {
    try {
      s3.putObject(request(location, contentType), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new StorageException("cannot write " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(S3Location location) {
    try {
      s3.deleteObject(
          DeleteObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
    } catch (SdkException e) {
      throw new StorageException("cannot delete " + location + ": " + e.getMessage(), e);
    }
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
  }
}
