package ai.lumigator.activities.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
class S3StorageStackTest {

  private static final int MIB = 1024 * 1024;

  private static StorageProperties props;
  private static S3Storage storage;
  private static String prefix;

  @BeforeAll
  static void connect() {
    props = StackS3.properties();
    storage = new S3Storage(props);
    storage.ensureBucket();
    storage.ensureBucket(); // idempotent
    prefix = "tests/storage-" + UUID.randomUUID() + "/";
  }

  @AfterAll
  static void cleanUp() {
    if (storage != null) {
      storage.deletePrefix(prefix);
      storage.close();
    }
  }

  @Test
  void putStringGetStringHeadAndMissingKeys() {
    String key = prefix + "text/hello.json";
    storage.putString(key, "{\"hello\": \"wörld\"}", "application/json");

    assertThat(storage.getString(key)).isEqualTo("{\"hello\": \"wörld\"}");
    assertThat(storage.exists(key)).isTrue();
    assertThat(storage.head(key))
        .hasValueSatisfying(
            i -> {
              assertThat(i.key()).isEqualTo(key);
              assertThat(i.size())
                  .isEqualTo("{\"hello\": \"wörld\"}".getBytes(StandardCharsets.UTF_8).length);
              assertThat(i.lastModified()).isNotNull();
            });

    String missing = prefix + "text/missing.json";
    assertThat(storage.exists(missing)).isFalse();
    assertThat(storage.head(missing)).isEmpty();
    assertThatThrownBy(() -> storage.getString(missing))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.key()).isEqualTo(missing);
              assertThat(e.getMessage()).contains(missing);
            });
    assertThatThrownBy(() -> storage.openStream(missing))
        .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void putWithKnownLengthAndOpenStream() throws IOException {
    String key = prefix + "known/data.bin";
    byte[] data = randomBytes(3 * MIB + 17, 7);
    // a one-pass stream (no mark/reset), as an HTTP upload gives
    InputStream onePass =
        new java.io.FilterInputStream(new ByteArrayInputStream(data)) {
          @Override
          public boolean markSupported() {
            return false;
          }
        };
    storage.put(key, onePass, data.length);
    try (InputStream in = storage.openStream(key)) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }

  @Test
  void wrongSecretIsRejectedWith403() {
    try (S3Storage bad = new S3Storage(props.withSecretKey("not-the-secret"))) {
      assertThatThrownBy(() -> bad.putString(prefix + "denied.txt", "x"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.isAccessDenied()).isTrue();
                assertThat(e.isNotFound()).isFalse();
                assertThat(e.getMessage()).contains(prefix + "denied.txt");
              });
      assertThatThrownBy(() -> bad.getString(prefix + "denied.txt"))
          .isInstanceOfSatisfying(
              StorageException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }
    assertThat(storage.exists(prefix + "denied.txt")).isFalse();
  }

  @Test
  void streamsTwentyMibOfUnknownLengthAsMultipartAndReadsItBackIdentical() throws Exception {
    String key = prefix + "big/stream.bin";
    long length = 20L * MIB;
    GeneratedStream source = new GeneratedStream(length, 42, Long.MAX_VALUE);

    long stored = storage.putStream(key, source);

    assertThat(stored).isEqualTo(length);
    assertThat(source.bytesRead).isEqualTo(length);
    assertThat(storage.head(key)).hasValueSatisfying(i -> assertThat(i.size()).isEqualTo(length));
    // a multipart ETag ends with -<number of parts>: 8 + 8 + 4 MiB
    assertThat(storage.head(key).orElseThrow().eTag()).contains("-3");
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream in = storage.openStream(key)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        read.update(buf, 0, n);
      }
    }
    assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(source.sha256Hex());
  }

  @Test
  void streamShorterThanOnePartIsOnePlainPut() throws Exception {
    String key = prefix + "small/stream.txt";
    byte[] data = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    assertThat(storage.putStream(key, new ByteArrayInputStream(data), "text/csv"))
        .isEqualTo(data.length);
    assertThat(storage.getBytes(key)).isEqualTo(data);

    String empty = prefix + "small/empty.txt";
    assertThat(storage.putStream(empty, InputStream.nullInputStream())).isZero();
    assertThat(storage.head(empty)).hasValueSatisfying(i -> assertThat(i.size()).isZero());
  }

  @Test
  void failingSourceAbortsTheMultipartUploadAndLeavesNothing() {
    String key = prefix + "broken/stream.bin";
    GeneratedStream source = new GeneratedStream(30L * MIB, 3, 10L * MIB);

    assertThatThrownBy(() -> storage.putStream(key, source))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.key()).isEqualTo(key);
              assertThat(e.getMessage()).contains(key).contains("source broke");
            });

    assertThat(storage.exists(key)).isFalse();
    try (S3Client raw = rawClient()) {
      // positive control: the listing does show an upload in progress
      String control = prefix + "broken/control.bin";
      String controlId =
          raw.createMultipartUpload(b -> b.bucket(props.bucket()).key(control)).uploadId();
      try {
        List<MultipartUpload> pending =
            raw.listMultipartUploads(b -> b.bucket(props.bucket()).prefix(prefix)).uploads();
        assertThat(pending).extracting(MultipartUpload::key).contains(control).doesNotContain(key);
      } finally {
        raw.abortMultipartUpload(b -> b.bucket(props.bucket()).key(control).uploadId(controlId));
      }
    }
  }

  @Test
  void presignedGetIsFetchableWithAPlainHttpClient() throws Exception {
    String key = prefix + "presign/dataset.csv";
    storage.putString(key, "examples,ground_truth\nhi,there\n", "text/csv");
    String url = storage.presignGet(key);
    assertThat(url)
        .contains("/" + props.bucket() + "/")
        .contains("presign/dataset.csv")
        .contains("X-Amz-Signature=");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("examples,ground_truth\nhi,there\n");

    String tampered = url.replaceAll("X-Amz-Signature=[0-9a-f]{4}", "X-Amz-Signature=0000");
    assertThat(tampered).isNotEqualTo(url);
    HttpResponse<String> denied =
        http.send(
            HttpRequest.newBuilder(URI.create(tampered)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(denied.statusCode()).isEqualTo(403);
  }

  @Test
  void listCopyDeleteKeyAndDeletePrefix() {
    String dir = prefix + "tree/";
    storage.putString(dir + "a.txt", "A");
    storage.putString(dir + "b/c.txt", "CC");
    storage.putString(dir + "b/d.txt", "DDD");
    storage.putString(prefix + "tree-sibling.txt", "not under tree/");

    assertThat(storage.list(dir))
        .extracting(ObjectInfo::key, ObjectInfo::size)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(dir + "a.txt", 1L),
            org.assertj.core.groups.Tuple.tuple(dir + "b/c.txt", 2L),
            org.assertj.core.groups.Tuple.tuple(dir + "b/d.txt", 3L));

    storage.copy(dir + "b/d.txt", dir + "e.txt");
    assertThat(storage.getString(dir + "e.txt")).isEqualTo("DDD");
    assertThatThrownBy(() -> storage.copy(dir + "nope.txt", dir + "f.txt"))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.isNotFound()).isTrue();
              assertThat(e.getMessage()).contains(dir + "nope.txt");
            });

    storage.deleteKey(dir + "a.txt");
    storage.deleteKey(dir + "a.txt"); // missing: tolerated
    assertThat(storage.exists(dir + "a.txt")).isFalse();

    assertThat(storage.deletePrefix(dir)).isEqualTo(3);
    assertThat(storage.list(dir)).isEmpty();
    assertThat(storage.deletePrefix(dir)).isZero(); // nothing left: tolerated
    assertThat(storage.getString(prefix + "tree-sibling.txt")).isEqualTo("not under tree/");
  }

  @Test
  void deletePrefixHandlesMoreThanOnePageOfKeys() {
    String dir = prefix + "many/";
    for (int i = 0; i < 1005; i++) {
      storage.putString(dir + String.format("%04d", i), "");
    }
    assertThat(storage.list(dir)).hasSize(1005);
    assertThat(storage.deletePrefix(dir)).isEqualTo(1005);
    assertThat(storage.list(dir)).isEmpty();
  }

  @Test
  void keyOfAcceptsOnlyThisBucket() {
    assertThat(storage.keyOf(storage.uri("datasets/1/x.csv").toString()))
        .isEqualTo("datasets/1/x.csv");
    assertThatThrownBy(() -> storage.keyOf("s3://another-bucket/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void unreachableStoreIsAStorageExceptionWithoutStatus() {
    StorageProperties nowhere =
        StorageProperties.of(
            URI.create("http://127.0.0.1:1"), "us-east-1", "lumigator", "lumigator", "x", true);
    try (S3Storage down = new S3Storage(nowhere)) {
      assertThatThrownBy(() -> down.getString("k"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.statusCode()).isZero();
                assertThat(e.isNotFound()).isFalse();
                assertThat(e.getMessage()).contains("k").contains("unreachable");
              });
    }
  }

  private static S3Client rawClient() {
    return S3Client.builder()
        .endpointOverride(props.endpoint())
        .region(Region.of(props.region()))
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(props.accessKey(), props.secretKey())))
        .build();
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  /**
   * Pseudo-random bytes of a length the reader cannot know in advance (no available(), reads come
   * in odd sizes), hashed as they are produced; throws once {@code failAt} bytes were served.
   */
  static final class GeneratedStream extends InputStream {
    private final long length;
    private final long failAt;
    private final Random random;
    private final MessageDigest sha256;
    long bytesRead;

    GeneratedStream(long length, long seed, long failAt) {
      this.length = length;
      this.failAt = failAt;
      this.random = new Random(seed);
      try {
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (bytesRead >= failAt) {
        throw new IOException("source broke at byte " + bytesRead);
      }
      if (bytesRead >= length) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, 70_001), length - bytesRead);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      sha256.update(chunk);
      System.arraycopy(chunk, 0, b, off, n);
      bytesRead += n;
      return n;
    }

    String sha256Hex() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}
