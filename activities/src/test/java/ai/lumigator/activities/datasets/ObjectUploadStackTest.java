package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.activities.storage.StorageProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Against the real S3Proxy of the local stack. */
@Tag("stack")
class ObjectUploadStackTest {
  static final StorageProperties PROPS =
      StorageProperties.fromEnv(
          System.getenv(),
          StorageProperties.of(
              URI.create("http://127.0.0.1:9000"),
              "us-east-1",
              "lumigator",
              "lumigator",
              "lumigator-local-secret",
              true));

  static S3Storage storage;
  static String prefix;

  @BeforeAll
  static void connect() {
    storage = new S3Storage(PROPS);
    storage.ensureBucket();
    prefix = "tests/object-upload-" + UUID.randomUUID() + "/";
  }

  @AfterAll
  static void cleanUp() {
    if (storage != null) {
      storage.deletePrefix(prefix);
      storage.close();
    }
  }

  @Test
  void smallContentIsStoredOnCommit() throws Exception {
    String key = prefix + "small.csv";
    ObjectUpload upload = ObjectUpload.start(storage, key, "text/csv");
    byte[] data = "examples\nünïcode ✓\n".getBytes(StandardCharsets.UTF_8);
    upload.write(data[0]);
    upload.write(data, 1, data.length - 1);
    assertThat(upload.commit()).isEqualTo(data.length);
    assertThat(storage.getBytes(key)).isEqualTo(data);
    upload.close(); // after a commit: nothing happens
    assertThat(storage.exists(key)).isTrue();
  }

  @Test
  void contentOfSeveralPartsIsStoredIdentical() throws Exception {
    String key = prefix + "big.bin";
    byte[] data = new byte[19 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    try (ObjectUpload upload = ObjectUpload.start(storage, key, "application/octet-stream")) {
      for (int off = 0; off < data.length; off += 10_000) {
        upload.write(data, off, Math.min(10_000, data.length - off));
      }
      assertThat(upload.written()).isEqualTo(data.length);
      assertThat(upload.commit()).isEqualTo(data.length);
    }
    assertThat(storage.getBytes(key)).isEqualTo(data);
  }

  @Test
  void abortBeforeOnePartLeavesNoObject() throws Exception {
    String key = prefix + "aborted-small.csv";
    ObjectUpload upload = ObjectUpload.start(storage, key, "text/csv");
    upload.write("examples\nx\n".getBytes(StandardCharsets.UTF_8));
    upload.abort(new IllegalStateException("invalid"));
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void abortAfterSeveralPartsLeavesNoObjectAndNoPendingUpload() throws Exception {
    String key = prefix + "aborted-big.bin";
    byte[] data = new byte[20 * 1024 * 1024];
    try (ObjectUpload upload = ObjectUpload.start(storage, key, "application/octet-stream")) {
      upload.write(data);
      // close without commit = abort
    }
    assertThat(storage.exists(key)).isFalse();
    assertThat(pendingUploads()).doesNotContain(key);
  }

  @Test
  void abortAfterCommitDeletesTheObject() throws Exception {
    String key = prefix + "committed-then-aborted.csv";
    ObjectUpload upload = ObjectUpload.start(storage, key, "text/csv");
    upload.write('x');
    upload.commit();
    assertThat(storage.exists(key)).isTrue();
    upload.abort(new IllegalStateException("a later step failed"));
    assertThat(storage.exists(key)).isFalse();
  }

  @Test
  void aStorageFailureReachesTheProducer() throws Exception {
    try (S3Storage denied = new S3Storage(PROPS.withSecretKey("not-the-secret"))) {
      String key = prefix + "denied.bin";
      ObjectUpload upload = ObjectUpload.start(denied, key, "application/octet-stream");
      byte[] chunk = new byte[1024 * 1024];
      // the first part (8 MiB) goes up, is refused, and the producer learns it on a later write
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 100; i++) {
                  upload.write(chunk);
                }
                upload.commit();
              })
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      upload.close();
      assertThat(storage.exists(key)).isFalse();
    }
  }

  private static List<String> pendingUploads() {
    try (S3Client raw =
        S3Client.builder()
            .endpointOverride(PROPS.endpointUri().orElseThrow())
            .region(Region.of(PROPS.region()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(PROPS.accessKey(), PROPS.secretKey())))
            .build()) {
      return raw
          .listMultipartUploads(b -> b.bucket(PROPS.bucket()).prefix(prefix))
          .uploads()
          .stream()
          .map(MultipartUpload::key)
          .toList();
    }
  }
}
