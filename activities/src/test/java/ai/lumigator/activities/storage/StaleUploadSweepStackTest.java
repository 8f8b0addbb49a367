package ai.lumigator.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;

/**
 * Against the real S3Proxy of the local stack (its filesystem backend lists multipart uploads with
 * their initiation time and drops an aborted upload's parts): the sweep aborts what is older than
 * its bound, only that, and only under its prefixes.
 */
@Tag("stack")
class StaleUploadSweepStackTest {
  private static StorageProperties props;
  private static S3Storage storage;
  private static S3Client raw;
  private static String prefix;

  @BeforeAll
  static void connect() {
    props = StackS3.properties();
    storage = new S3Storage(props);
    storage.ensureBucket();
    raw =
        S3Client.builder()
            .endpointOverride(props.endpoint())
            .region(Region.of(props.region()))
            .forcePathStyle(true)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(props.accessKey(), props.secretKey())))
            .build();
    prefix = "tests/sweep-" + UUID.randomUUID() + "/";
  }

  @AfterAll
  static void cleanUp() {
    if (storage != null) {
      storage
          .listMultipartUploads(prefix)
          .forEach(u -> storage.abortMultipartUpload(u.key(), u.uploadId()));
      storage.deletePrefix(prefix);
      storage.close();
    }
    if (raw != null) raw.close();
  }

  /** Begins a multipart upload of {@code key} with one 5 MiB part; returns its id. */
  private static String leftBehind(String key) {
    String id = raw.createMultipartUpload(b -> b.bucket(props.bucket()).key(key)).uploadId();
    raw.uploadPart(
        b -> b.bucket(props.bucket()).key(key).uploadId(id).partNumber(1),
        RequestBody.fromBytes(new byte[S3Storage.MIN_PART_SIZE]));
    return id;
  }

  /** Parts S3 lists for the upload (S3Proxy lists none for an aborted one; AWS answers 404). */
  private static int parts(String key, String uploadId) {
    try {
      return raw.listParts(b -> b.bucket(props.bucket()).key(key).uploadId(uploadId))
          .parts()
          .size();
    } catch (NoSuchUploadException e) {
      return 0;
    }
  }

  @Test
  void abortsUploadsOlderThanTheBoundAndKeepsYoungerOnesAndOtherPrefixes() {
    String stale = prefix + "uploads/stale";
    String other = prefix + "elsewhere/kept";
    String staleId = leftBehind(stale);
    String otherId = leftBehind(other);
    assertThat(parts(stale, staleId)).isEqualTo(1);

    List<PendingUpload> listed = storage.listMultipartUploads(prefix + "uploads/");
    assertThat(listed).extracting(PendingUpload::key).containsExactly(stale);
    Instant initiated = listed.get(0).initiated();
    assertThat(initiated).as("S3Proxy reports when the upload began").isNotNull();
    assertThat(Duration.between(initiated, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

    // a fresh upload may be someone's upload in progress: kept
    StaleUploadSweep young =
        new StaleUploadSweep(
            storage, List.of(prefix + "uploads/"), Duration.ofHours(1), Clock.systemUTC());
    assertThat(young.sweep()).isZero();
    assertThat(storage.listMultipartUploads(prefix + "uploads/")).hasSize(1);

    // an hour later it is stale
    Clock later = Clock.fixed(initiated.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    StaleUploadSweep sweep =
        new StaleUploadSweep(storage, List.of(prefix + "uploads/"), Duration.ofHours(1), later);
    assertThat(sweep.sweep()).isEqualTo(1);

    assertThat(storage.listMultipartUploads(prefix + "uploads/")).isEmpty();
    assertThat(parts(stale, staleId)).as("its parts are gone").isZero();
    assertThat(storage.list(prefix)).as("no object was made of it").isEmpty();
    assertThat(sweep.sweep()).as("nothing left the second time").isZero();

    // the other prefix was not touched
    assertThat(storage.listMultipartUploads(prefix + "elsewhere/"))
        .extracting(PendingUpload::uploadId)
        .containsExactly(otherId);
    storage.abortMultipartUpload(other, otherId);
    storage.abortMultipartUpload(other, otherId); // gone already: not an error
  }

  @Test
  void anUnreachableStoreIsNotAnError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    StorageProperties down =
        StorageProperties.of(
            URI.create("http://127.0.0.1:" + port),
            props.region(),
            props.bucket(),
            props.accessKey(),
            props.secretKey(),
            true);
    try (S3Storage unreachable = new S3Storage(down)) {
      StaleUploadSweep sweep =
          new StaleUploadSweep(unreachable, List.of("uploads/"), Duration.ZERO, Clock.systemUTC());
      assertThat(sweep.sweep()).isZero();
      assertThat(sweep.sweep()).isZero();
    }
  }
}
