package ai.lumigator.jobs.testing;

import ai.lumigator.jobs.storage.S3ObjectStore;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The local stack's S3Proxy (CONTRACTS.md), overridable by {@code LUMIGATOR_S3_ENDPOINT}, {@code
 * LUMIGATOR_S3_BUCKET}, {@code LUMIGATOR_S3_ACCESS_KEY}, {@code LUMIGATOR_S3_SECRET_KEY}, {@code
 * LUMIGATOR_S3_REGION}. For tests tagged {@code stack} only.
 */
public final class StackS3 {
  private StackS3() {}

  private static String env(String name, String def) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? def : v;
  }

  public static String endpoint() {
    return env("LUMIGATOR_S3_ENDPOINT", "http://127.0.0.1:9000");
  }

  public static String bucket() {
    return env("LUMIGATOR_S3_BUCKET", "lumigator");
  }

  public static String accessKey() {
    return env("LUMIGATOR_S3_ACCESS_KEY", "lumigator");
  }

  public static String secretKey() {
    return env("LUMIGATOR_S3_SECRET_KEY", "lumigator-local-secret");
  }

  public static String region() {
    return env("LUMIGATOR_S3_REGION", "us-east-1");
  }

  public static S3ObjectStore store() {
    return S3ObjectStore.create(
        endpoint(),
        region(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())));
  }

  /** The environment a job process gets from Ray on the local stack. */
  public static Map<String, String> jobEnv() {
    return Map.of(
        "LUMIGATOR_S3_ENDPOINT", endpoint(),
        "AWS_REGION", region(),
        "AWS_ACCESS_KEY_ID", accessKey(),
        "AWS_SECRET_ACCESS_KEY", secretKey());
  }
}
