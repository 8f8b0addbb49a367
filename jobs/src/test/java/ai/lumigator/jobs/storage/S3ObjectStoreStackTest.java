package ai.lumigator.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.jobs.testing.StackS3;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@link S3ObjectStore} against the local stack's S3Proxy. */
@Tag("stack")
class S3ObjectStoreStackTest {
  final String prefix = "tests/jobs/" + UUID.randomUUID() + "/";

  @Test
  void putAndReadBack(@TempDir Path tmp) throws Exception {
    try (S3ObjectStore store = StackS3.store()) {
      S3Location a = new S3Location(StackS3.bucket(), prefix + "a.txt");
      store.put(a, "héllo".getBytes(StandardCharsets.UTF_8), "text/plain");
      try (InputStream in = store.open(a)) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("héllo");
      }
      Path f = tmp.resolve("big.bin");
      byte[] big = new byte[3 * 1024 * 1024 + 17];
      for (int i = 0; i < big.length; i++) {
        big[i] = (byte) (i * 31);
      }
      Files.write(f, big);
      S3Location b = new S3Location(StackS3.bucket(), prefix + "big.bin");
      store.put(b, f, "application/octet-stream");
      try (InputStream in = store.open(b)) {
        assertThat(in.readAllBytes()).isEqualTo(big);
      }
    }
  }

  @Test
  void missingObjectIsNotFound() {
    try (S3ObjectStore store = StackS3.store()) {
      S3Location none = new S3Location(StackS3.bucket(), prefix + "none");
      assertThatThrownBy(() -> store.open(none))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("object not found: " + none)
          .satisfies(e -> assertThat(((StorageException) e).notFound()).isTrue());
    }
  }

  @Test
  void wrongSecretIsRejected() {
    try (S3ObjectStore store =
        S3ObjectStore.create(
            StackS3.endpoint(),
            StackS3.region(),
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(StackS3.accessKey(), "wrong")))) {
      assertThatThrownBy(
              () ->
                  store.put(
                      new S3Location(StackS3.bucket(), prefix + "x"), new byte[1], "text/plain"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot write");
    }
  }
}
