package ai.lumigator.activities.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection settings for the object store.
 *
 * @param endpoint S3-compatible endpoint (e.g. S3Proxy at {@code http://127.0.0.1:9000}); {@code
 *     null} means AWS S3 itself
 * @param region signing region, default {@code us-east-1}
 * @param bucket the one bucket Lumigator uses
 * @param accessKey access key id; {@code null} (with secretKey {@code null}) means the AWS default
 *     credential chain
 * @param secretKey secret access key; never printed by {@link #toString()}
 * @param pathStyle path-style addressing ({@code http://host/bucket/key}), needed by S3Proxy
 * @param presignTtl lifetime of presigned URLs, default 3600 s
 */
public record StorageProperties(
    URI endpoint,
    String region,
    String bucket,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    Duration presignTtl) {

  public static final String DEFAULT_REGION = "us-east-1";
  public static final Duration DEFAULT_PRESIGN_TTL = Duration.ofSeconds(3600);

  public StorageProperties {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket is required");
    }
    region = (region == null || region.isBlank()) ? DEFAULT_REGION : region;
    presignTtl = presignTtl == null ? DEFAULT_PRESIGN_TTL : presignTtl;
    if (presignTtl.isNegative() || presignTtl.isZero()) {
      throw new IllegalArgumentException("presignTtl must be positive: " + presignTtl);
    }
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException("accessKey and secretKey must be given together");
    }
  }

  /** Settings with static credentials and the default presign TTL. */
  public static StorageProperties of(
      URI endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey,
      boolean pathStyle) {
    return new StorageProperties(
        endpoint, region, bucket, accessKey, secretKey, pathStyle, DEFAULT_PRESIGN_TTL);
  }

  /**
   * Reads {@code LUMIGATOR_S3_ENDPOINT}, {@code LUMIGATOR_S3_REGION}, {@code LUMIGATOR_S3_BUCKET},
   * {@code LUMIGATOR_S3_ACCESS_KEY}, {@code LUMIGATOR_S3_SECRET_KEY} from {@code env}, falling back
   * to {@code defaults} for each one that is absent or blank. Path-style is on whenever an endpoint
   * is set.
   */
  public static StorageProperties fromEnv(Map<String, String> env, StorageProperties defaults) {
    Objects.requireNonNull(defaults, "defaults");
    URI endpoint = value(env, "LUMIGATOR_S3_ENDPOINT").map(URI::create).orElse(defaults.endpoint());
    String accessKey = value(env, "LUMIGATOR_S3_ACCESS_KEY").orElse(defaults.accessKey());
    String secretKey = value(env, "LUMIGATOR_S3_SECRET_KEY").orElse(defaults.secretKey());
    return new StorageProperties(
        endpoint,
        value(env, "LUMIGATOR_S3_REGION").orElse(defaults.region()),
        value(env, "LUMIGATOR_S3_BUCKET").orElse(defaults.bucket()),
        accessKey,
        secretKey,
        endpoint != null || defaults.pathStyle(),
        defaults.presignTtl());
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
  }

  public Optional<URI> endpointUri() {
    return Optional.ofNullable(endpoint);
  }

  public boolean hasStaticCredentials() {
    return accessKey != null;
  }

  public StorageProperties withBucket(String otherBucket) {
    return new StorageProperties(
        endpoint, region, otherBucket, accessKey, secretKey, pathStyle, presignTtl);
  }

  public StorageProperties withSecretKey(String otherSecret) {
    return new StorageProperties(
        endpoint, region, bucket, accessKey, otherSecret, pathStyle, presignTtl);
  }

  /** Never shows the secret key; shows only whether static credentials are set. */
  @Override
  public String toString() {
    return "StorageProperties[endpoint="
        + (endpoint == null ? "<aws default>" : endpoint)
        + ", region="
        + region
        + ", bucket="
        + bucket
        + ", accessKey="
        + (accessKey == null ? "<default chain>" : accessKey)
        + ", secretKey="
        + (secretKey == null ? "<default chain>" : "****")
        + ", pathStyle="
        + pathStyle
        + ", presignTtl="
        + presignTtl
        + "]";
  }
}
