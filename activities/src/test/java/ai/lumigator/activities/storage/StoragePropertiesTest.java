package ai.lumigator.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoragePropertiesTest {

  private static final StorageProperties LOCAL =
      StorageProperties.of(
          URI.create("http://127.0.0.1:9000"),
          "us-east-1",
          "lumigator",
          "lumigator",
          "lumigator-local-secret",
          true);

  @Test
  void toStringNeverShowsTheSecret() {
    assertThat(LOCAL.toString())
        .doesNotContain("lumigator-local-secret")
        .contains("secretKey=****")
        .contains("bucket=lumigator")
        .contains("http://127.0.0.1:9000");
  }

  @Test
  void defaultsRegionAndPresignTtl() {
    StorageProperties p = new StorageProperties(null, null, "b", null, null, false, null);
    assertThat(p.region()).isEqualTo("us-east-1");
    assertThat(p.presignTtl()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(p.endpointUri()).isEmpty();
    assertThat(p.hasStaticCredentials()).isFalse();
    assertThat(p.toString()).contains("<default chain>");
  }

  @Test
  void rejectsMissingBucketHalfCredentialsAndNonPositiveTtl() {
    assertThatThrownBy(() -> new StorageProperties(null, null, " ", null, null, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StorageProperties(null, null, "b", "id", null, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new StorageProperties(null, null, "b", null, null, false, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void environmentOverridesDefaults() {
    StorageProperties p =
        StorageProperties.fromEnv(
            Map.of(
                "LUMIGATOR_S3_ENDPOINT", "http://s3.example:9999",
                "LUMIGATOR_S3_BUCKET", "other",
                "LUMIGATOR_S3_SECRET_KEY", "s2",
                "LUMIGATOR_S3_REGION", " "),
            LOCAL);
    assertThat(p.endpoint()).isEqualTo(URI.create("http://s3.example:9999"));
    assertThat(p.bucket()).isEqualTo("other");
    assertThat(p.accessKey()).isEqualTo("lumigator");
    assertThat(p.secretKey()).isEqualTo("s2");
    assertThat(p.region()).isEqualTo("us-east-1");
    assertThat(p.pathStyle()).isTrue();
    assertThat(StorageProperties.fromEnv(Map.of(), LOCAL)).isEqualTo(LOCAL);
  }
}
