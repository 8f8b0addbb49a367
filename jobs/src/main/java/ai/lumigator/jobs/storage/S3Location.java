package ai.lumigator.jobs.storage;

/** An {@code s3://bucket/key} address. */
public record S3Location(String bucket, String key) {

  public S3Location {
    if (bucket == null || bucket.isEmpty() || key == null || key.isEmpty()) {
      throw new IllegalArgumentException("bucket and key must not be empty");
    }
  }

  /**
   * Parses {@code s3://bucket/key}.
   *
   * @throws IllegalArgumentException when the text is not of that form
   */
  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new IllegalArgumentException("not an s3://bucket/key URI: '" + uri + "'");
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    if (slash <= 0 || slash == rest.length() - 1) {
      throw new IllegalArgumentException("not an s3://bucket/key URI: '" + uri + "'");
    }
    return new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** Another key in the same bucket. */
  public S3Location sibling(String otherKey) {
    return new S3Location(bucket, otherKey);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
