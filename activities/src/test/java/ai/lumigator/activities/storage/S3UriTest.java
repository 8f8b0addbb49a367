package ai.lumigator.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3UriTest {

  @Test
  void parsesBucketAndKeyKeepingSlashesAndSpecialCharacters() {
    S3Uri uri = S3Uri.parse("s3://lumigator/datasets/123/my file%20.csv");
    assertThat(uri.bucket()).isEqualTo("lumigator");
    assertThat(uri.key()).isEqualTo("datasets/123/my file%20.csv");
    assertThat(uri).hasToString("s3://lumigator/datasets/123/my file%20.csv");
  }

  @Test
  void schemeIsCaseInsensitiveAndKeyMayBeEmpty() {
    assertThat(S3Uri.parse("S3://bucket")).isEqualTo(new S3Uri("bucket", ""));
    assertThat(S3Uri.parse("s3://bucket/")).isEqualTo(new S3Uri("bucket", ""));
    assertThat(S3Uri.isS3Uri("S3://x/y")).isTrue();
    assertThat(S3Uri.isS3Uri("https://x/y")).isFalse();
  }

  @Test
  void rejectsOtherSchemesAndMissingBucket() {
    assertThatThrownBy(() -> S3Uri.parse("https://bucket/key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://bucket/key");
    assertThatThrownBy(() -> S3Uri.parse("s3:///key")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Uri.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> S3Uri.parse("s3:/")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripsThroughToString() {
    S3Uri uri = new S3Uri("b", "jobs/results/x/1/results.json");
    assertThat(S3Uri.parse(uri.toString())).isEqualTo(uri);
  }
}
