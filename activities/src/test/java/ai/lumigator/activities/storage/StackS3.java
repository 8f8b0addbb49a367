package ai.lumigator.activities.storage;

import java.net.URI;

/** Settings of the local stack's S3Proxy, overridable by LUMIGATOR_S3_* (see CONTRACTS.md). */
final class StackS3 {

  static final StorageProperties DEFAULTS =
      StorageProperties.of(
          URI.create("http://127.0.0.1:9000"),
          "us-east-1",
          "lumigator",
          "lumigator",
          "lumigator-local-secret",
          true);

  private StackS3() {}

  static StorageProperties properties() {
    return StorageProperties.fromEnv(System.getenv(), DEFAULTS);
  }
}
