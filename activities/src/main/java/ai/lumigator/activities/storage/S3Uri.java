package ai.lumigator.activities.storage;

import java.util.Objects;

/**
 * An {@code s3://bucket/key} location. The key may be empty (the bucket itself) and may contain
 * slashes; it is never URL-decoded (S3 keys are taken literally).
 */
public record S3Uri(String bucket, String key) {

  private static final String SCHEME = "s3://";

  public S3Uri {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty() || bucket.contains("/")) {
      throw new IllegalArgumentException("Invalid S3 bucket name: '" + bucket + "'");
    }
  }

  /**
   * Parses {@code s3://bucket/key}; the scheme is case-insensitive. Throws {@link
   * IllegalArgumentException} for anything else.
   */
  public static S3Uri parse(String uri) {
    if (uri == null
        || uri.length() < SCHEME.length()
        || !uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      throw new IllegalArgumentException("Not an s3:// URI: '" + uri + "'");
    }
    String rest = uri.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("s3:// URI without a bucket: '" + uri + "'");
    }
    return new S3Uri(bucket, key);
  }

  /** True when {@code uri} starts with {@code s3://} (any case). */
  public static boolean isS3Uri(String uri) {
    return uri != null && uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
  }

  @Override
  public String toString() {
    return SCHEME + bucket + "/" + key;
  }
}
