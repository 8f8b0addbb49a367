package ai.lumigator.activities.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Object storage over one S3 bucket (AWS S3 or an S3-compatible server such as S3Proxy).
 *
 * <p>Every failure surfaces as an unchecked {@link StorageException} naming the key. Thread-safe;
 * create one per process and {@link #close()} it at shutdown.
 */
public final class S3Storage implements AutoCloseable {

  /** Part size of streamed multipart uploads; also the memory one such upload holds. */
  public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

  /** S3's minimum size of every part but the last. */
  public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  /**
   * Part buffers held at once by this process's multipart uploads, a quarter of the heap's worth of
   * default-sized parts (at least 2): further large uploads wait for one instead of running the
   * heap out.
   */
  private static final Semaphore PART_BUFFERS =
      new Semaphore(
          (int) Math.max(2, Runtime.getRuntime().maxMemory() / 4 / DEFAULT_PART_SIZE), true);

  /** S3's maximum number of parts in one multipart upload. */
  public static final int MAX_PARTS = 10_000;

  /** SigV4 presigned URLs live at most 7 days. */
  public static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);

  private static final String OCTET_STREAM = "application/octet-stream";
  private static final int DELETE_BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(S3Storage.class);

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final Duration presignTtl;
  private final int partSize;
  private final boolean ownsClients;

  public S3Storage(StorageProperties properties) {
    this(properties, DEFAULT_PART_SIZE);
  }

  public S3Storage(StorageProperties properties, int partSize) {
    this(
        buildClient(properties),
        buildPresigner(properties),
        properties.bucket(),
        properties.presignTtl(),
        partSize,
        true);
  }

  /** Wraps clients the caller owns (and closes). */
  public S3Storage(
      S3Client s3, S3Presigner presigner, String bucket, Duration presignTtl, int partSize) {
    this(s3, presigner, bucket, presignTtl, partSize, false);
  }

  private S3Storage(
      S3Client s3,
      S3Presigner presigner,
      String bucket,
      Duration presignTtl,
      int partSize,
      boolean ownsClients) {
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "partSize must be at least " + MIN_PART_SIZE + " bytes: " + partSize);
    }
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.presigner = Objects.requireNonNull(presigner, "presigner");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.presignTtl = Objects.requireNonNull(presignTtl, "presignTtl");
    this.partSize = partSize;
    this.ownsClients = ownsClients;
  }

  static AwsCredentialsProvider credentials(StorageProperties p) {
    if (p.hasStaticCredentials()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(p.accessKey(), p.secretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static S3Client buildClient(StorageProperties p) {
    S3ClientBuilder builder =
        S3Client.builder()
            .region(Region.of(p.region()))
            .credentialsProvider(credentials(p))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(p.pathStyle()).build())
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .maxConnections(64)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(120)));
    p.endpointUri().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static S3Presigner buildPresigner(StorageProperties p) {
    S3Presigner.Builder builder =
        S3Presigner.builder()
            .region(Region.of(p.region()))
            .credentialsProvider(credentials(p))
            .serviceConfiguration(
                S3Configuration.builder().pathStyleAccessEnabled(p.pathStyle()).build());
    p.endpointUri().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public String bucket() {
    return bucket;
  }

  /** {@code s3://<bucket>/<key>} of a key in this bucket. */
  public S3Uri uri(String key) {
    return new S3Uri(bucket, key);
  }

  /**
   * The key of an {@code s3://} URI that must point into this storage's bucket.
   *
   * @throws IllegalArgumentException if the URI is malformed or names another bucket
   */
  public String keyOf(String s3Uri) {
    S3Uri uri = S3Uri.parse(s3Uri);
    if (!uri.bucket().equals(bucket)) {
      throw new IllegalArgumentException("URI " + s3Uri + " is outside bucket '" + bucket + "'");
    }
    return uri.key();
  }

  /** Creates the bucket unless it exists already. */
  public void ensureBucket() {
    try {
      s3.headBucket(b -> b.bucket(bucket));
      return;
    } catch (NoSuchBucketException e) {
      // create below
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw failure("ensureBucket", "", e);
      }
    } catch (SdkException e) {
      throw failure("ensureBucket", "", e);
    }
    try {
      s3.createBucket(b -> b.bucket(bucket));
      log.info("Created bucket {}", bucket);
    } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
      log.debug("Bucket {} was created concurrently", bucket);
    } catch (SdkException e) {
      throw failure("createBucket", "", e);
    }
  }

  /** Uploads exactly {@code contentLength} bytes from {@code in} (not closed) in one request. */
  public void put(String key, InputStream in, long contentLength) {
    put(key, in, contentLength, OCTET_STREAM);
  }

  public void put(String key, InputStream in, long contentLength, String contentType) {
    requireKey(key);
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentLength(contentLength).contentType(contentType),
          RequestBody.fromInputStream(in, contentLength));
    } catch (SdkException | UncheckedIOException e) {
      throw failure("put", key, e);
    }
  }

  /** Uploads the file at {@code path} in one request, read from disk as it is sent. */
  public void putFile(String key, Path path, String contentType) {
    requireKey(key);
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(path));
    } catch (SdkException | UncheckedIOException e) {
      throw failure("put", key, e);
    }
  }

  public void putBytes(String key, byte[] bytes, String contentType) {
    requireKey(key);
    try {
      s3.putObject(
          b ->
              b.bucket(bucket).key(key).contentLength((long) bytes.length).contentType(contentType),
          RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw failure("put", key, e);
    }
  }

  public void putString(String key, String content) {
    putString(key, content, "text/plain; charset=utf-8");
  }

  public void putString(String key, String content, String contentType) {
    putBytes(key, content.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** Streams {@code in} (unknown length, not closed) to {@code key}; see the 3-argument form. */
  public long putStream(String key, InputStream in) {
    return putStream(key, in, OCTET_STREAM);
  }

  /**
   * Streams {@code in} (unknown length, read to its end, not closed) to {@code key} holding at most
   * one part ({@link #partSize()} bytes) in memory. Content shorter than one part goes up in a
   * single PUT; longer content as a multipart upload, which is aborted if anything fails (reading
   * {@code in} included), so no partial object and no dangling upload is left behind.
   *
   * @return the number of bytes stored
   */
  public long putStream(String key, InputStream in, String contentType) {
    requireKey(key);
    byte[] first = readUpTo(key, in, partSize);
    if (first.length < partSize) {
      try {
        s3.putObject(
            b ->
                b.bucket(bucket)
                    .key(key)
                    .contentLength((long) first.length)
                    .contentType(contentType),
            RequestBody.fromContentProvider(
                () -> new ByteArrayInputStream(first), first.length, contentType));
      } catch (SdkException e) {
        throw failure("put", key, e);
      }
      return first.length;
    }
    try {
      PART_BUFFERS.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("put " + key + " interrupted", key, false, 0, e);
    }
    try {
      return putMultipart(key, in, contentType, first);
    } finally {
      PART_BUFFERS.release();
    }
  }

  private long putMultipart(String key, InputStream in, String contentType, byte[] buffer) {
    int n = buffer.length;
    String uploadId;
    try {
      uploadId =
          s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType))
              .uploadId();
    } catch (SdkException e) {
      throw failure("createMultipartUpload", key, e);
    }
    List<CompletedPart> parts = new ArrayList<>();
    long total = 0;
    try {
      while (n > 0) {
        int partNumber = parts.size() + 1;
        if (partNumber > MAX_PARTS) {
          throw new StorageException(
              "put s3://"
                  + bucket
                  + "/"
                  + key
                  + " failed: more than "
                  + MAX_PARTS
                  + " parts of "
                  + partSize
                  + " bytes",
              key,
              false,
              0,
              null);
        }
        final int length = n;
        UploadPartResponse response =
            s3.uploadPart(
                b ->
                    b.bucket(bucket)
                        .key(key)
                        .uploadId(uploadId)
                        .partNumber(partNumber)
                        .contentLength((long) length),
                RequestBody.fromContentProvider(
                    () -> new ByteArrayInputStream(buffer, 0, length), length, OCTET_STREAM));
        parts.add(
            CompletedPart.builder()
                .partNumber(partNumber)
                .eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32())
                .checksumCRC32C(response.checksumCRC32C())
                .checksumCRC64NVME(response.checksumCRC64NVME())
                .checksumSHA1(response.checksumSHA1())
                .checksumSHA256(response.checksumSHA256())
                .build());
        total += length;
        if (length < partSize) {
          break;
        }
        n = readFully(key, in, buffer);
      }
      s3.completeMultipartUpload(
          b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      abort(key, uploadId, e);
      throw e instanceof StorageException se ? se : failure("multipart put", key, e);
    }
    log.info("Stored s3://{}/{} ({} bytes in {} parts)", bucket, key, total, parts.size());
    return total;
  }

  /**
   * Waits between the attempts to abort a failed multipart upload: a store that blinked is given a
   * moment; one that stays down leaves the upload to the worker's sweep of stale uploads.
   */
  static final List<Duration> ABORT_RETRY_DELAYS =
      List.of(Duration.ofMillis(250), Duration.ofSeconds(1));

  private void abort(String key, String uploadId, RuntimeException cause) {
    for (int attempt = 0; ; attempt++) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        log.warn("Aborted multipart upload of s3://{}/{}: {}", bucket, key, cause.toString());
        return;
      } catch (NoSuchUploadException e) {
        return; // already gone
      } catch (RuntimeException e) {
        if (attempt >= ABORT_RETRY_DELAYS.size()) {
          cause.addSuppressed(e);
          log.warn(
              "Could not abort multipart upload {} of s3://{}/{} ({} attempts: {}); the stale"
                  + " upload sweep aborts it later",
              uploadId,
              bucket,
              key,
              attempt + 1,
              e.toString());
          return;
        }
        try {
          Thread.sleep(ABORT_RETRY_DELAYS.get(attempt).toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          cause.addSuppressed(e);
          return;
        }
      }
    }
  }

  /** The multipart uploads in progress under {@code prefix}, oldest first where known. */
  public List<PendingUpload> listMultipartUploads(String prefix) {
    List<PendingUpload> result = new ArrayList<>();
    try {
      for (MultipartUpload u :
          s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix)).uploads()) {
        result.add(new PendingUpload(u.key(), u.uploadId(), u.initiated()));
      }
    } catch (SdkException e) {
      throw failure("listMultipartUploads", prefix, e);
    }
    result.sort(
        Comparator.comparing(
            PendingUpload::initiated, Comparator.nullsLast(Comparator.naturalOrder())));
    return result;
  }

  /** Aborts a multipart upload, dropping its parts; one already gone is not an error. */
  public void abortMultipartUpload(String key, String uploadId) {
    requireKey(key);
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (NoSuchUploadException e) {
      // completed or aborted meanwhile
    } catch (SdkException e) {
      StorageException failure = failure("abortMultipartUpload", key, e);
      if (!failure.isNotFound()) {
        throw failure;
      }
    }
  }

  /**
   * Reads up to {@code max} bytes, in a buffer that grows with what arrives: a small upload holds
   * little memory, whatever the part size (200 uploads at once each held 8 MiB from their first
   * byte and ran a 512 MiB heap out).
   */
  private static byte[] readUpTo(String key, InputStream in, int max) {
    byte[] buffer = new byte[Math.min(max, 64 * 1024)];
    int off = 0;
    try {
      while (off < max) {
        if (off == buffer.length) {
          buffer = Arrays.copyOf(buffer, (int) Math.min(max, 2L * buffer.length));
        }
        int r = in.read(buffer, off, buffer.length - off);
        if (r < 0) {
          break;
        }
        off += r;
      }
    } catch (IOException e) {
      throw new StorageException(
          "put " + key + " failed: reading the source failed: " + e.getMessage(), key, false, 0, e);
    }
    return off == buffer.length ? buffer : Arrays.copyOf(buffer, off);
  }

  /** Reads until {@code buffer} is full or the stream ends; returns the bytes read. */
  private static int readFully(String key, InputStream in, byte[] buffer) {
    int off = 0;
    try {
      while (off < buffer.length) {
        int r = in.read(buffer, off, buffer.length - off);
        if (r < 0) {
          break;
        }
        off += r;
      }
    } catch (IOException e) {
      throw new StorageException(
          "put " + key + " failed: reading the source failed: " + e.getMessage(), key, false, 0, e);
    }
    return off;
  }

  /** The object as UTF-8 text; a missing key is a {@link StorageException#isNotFound()}. */
  public String getString(String key) {
    return new String(getBytes(key), StandardCharsets.UTF_8);
  }

  public byte[] getBytes(String key) {
    requireKey(key);
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw failure("get", key, e);
    }
  }

  /** A stream of the object's content, to be closed by the caller. */
  public InputStream openStream(String key) {
    requireKey(key);
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failure("get", key, e);
    }
  }

  public boolean exists(String key) {
    return head(key).isPresent();
  }

  /** Size and metadata of the object, empty if it does not exist. */
  public Optional<ObjectInfo> head(String key) {
    requireKey(key);
    try {
      HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(new ObjectInfo(key, r.contentLength(), r.lastModified(), r.eTag()));
    } catch (SdkException e) {
      StorageException failure = failure("head", key, e);
      if (failure.isNotFound()) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  /** All objects whose key starts with {@code prefix}, in key order. */
  public List<ObjectInfo> list(String prefix) {
    List<ObjectInfo> result = new ArrayList<>();
    try {
      for (S3Object o :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        result.add(new ObjectInfo(o.key(), o.size(), o.lastModified(), o.eTag()));
      }
    } catch (SdkException e) {
      throw failure("list", prefix, e);
    }
    return result;
  }

  /** Deletes one object; a missing object is not an error. */
  public void deleteKey(String key) {
    requireKey(key);
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key));
    } catch (SdkException e) {
      StorageException failure = failure("delete", key, e);
      if (!failure.isNotFound()) {
        throw failure;
      }
    }
  }

  /**
   * Deletes every object under {@code prefix} (which must not be empty); nothing there is not an
   * error.
   *
   * @return the number of objects deleted
   */
  public int deletePrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("deletePrefix needs a non-empty prefix");
    }
    List<String> keys = list(prefix).stream().map(ObjectInfo::key).toList();
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      DeleteObjectsResponse response;
      try {
        response =
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      } catch (SdkException e) {
        throw failure("deletePrefix", prefix, e);
      }
      List<S3Error> errors =
          response.errors().stream().filter(err -> !"NoSuchKey".equals(err.code())).toList();
      if (!errors.isEmpty()) {
        S3Error first = errors.get(0);
        throw new StorageException(
            "deletePrefix s3://"
                + bucket
                + "/"
                + prefix
                + " failed for "
                + errors.size()
                + " object(s), first "
                + first.key()
                + ": "
                + first.code()
                + " "
                + first.message(),
            prefix,
            false,
            0,
            null);
      }
    }
    if (!keys.isEmpty()) {
      log.info("Deleted {} object(s) under s3://{}/{}", keys.size(), bucket, prefix);
    }
    return keys.size();
  }

  /** Server-side copy inside the bucket (objects up to 5 GiB). */
  public void copy(String sourceKey, String destinationKey) {
    requireKey(sourceKey);
    requireKey(destinationKey);
    try {
      s3.copyObject(
          b ->
              b.sourceBucket(bucket)
                  .sourceKey(sourceKey)
                  .destinationBucket(bucket)
                  .destinationKey(destinationKey));
    } catch (SdkException e) {
      throw failure("copy to " + destinationKey + " from", sourceKey, e);
    }
  }

  /** A presigned GET URL valid for the configured TTL. Does not check that the key exists. */
  public String presignGet(String key) {
    return presignGet(key, presignTtl);
  }

  public String presignGet(String key, Duration ttl) {
    requireKey(key);
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
      throw new IllegalArgumentException("presign TTL must be in (0, 7 days]: " + ttl);
    }
    try {
      return presigner
          .presignGetObject(
              GetObjectPresignRequest.builder()
                  .signatureDuration(ttl)
                  .getObjectRequest(g -> g.bucket(bucket).key(key))
                  .build())
          .url()
          .toString();
    } catch (SdkException e) {
      throw failure("presign", key, e);
    }
  }

  public int partSize() {
    return partSize;
  }

  @Override
  public void close() {
    if (ownsClients) {
      presigner.close();
      s3.close();
    }
  }

  private static void requireKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("object key must not be empty");
    }
  }

  /** Maps an SDK failure to a {@link StorageException} naming the key. */
  StorageException failure(String operation, String key, Exception e) {
    if (e instanceof StorageException se) {
      return se;
    }
    String where = "s3://" + bucket + "/" + key;
    if (e instanceof NoSuchKeyException
        || e instanceof NoSuchBucketException
        || (e instanceof S3Exception s && s.statusCode() == 404)) {
      String what = e instanceof NoSuchBucketException ? "Bucket not found" : "Object not found";
      return new StorageException(what + ": " + where + " (" + operation + ")", key, true, 404, e);
    }
    if (e instanceof AwsServiceException ase) {
      String code =
          ase.awsErrorDetails() != null && ase.awsErrorDetails().errorCode() != null
              ? ase.awsErrorDetails().errorCode()
              : "";
      String message =
          ase.awsErrorDetails() != null && ase.awsErrorDetails().errorMessage() != null
              ? ase.awsErrorDetails().errorMessage()
              : "";
      return new StorageException(
          operation
              + " "
              + where
              + " failed: HTTP "
              + ase.statusCode()
              + " "
              + code
              + (message.isEmpty() ? "" : ": " + message),
          key,
          false,
          ase.statusCode(),
          e);
    }
    if (e instanceof SdkClientException) {
      return new StorageException(
          operation
              + " "
              + where
              + " failed: object store unreachable or client error: "
              + e.getMessage(),
          key,
          false,
          0,
          e);
    }
    return new StorageException(
        operation + " " + where + " failed: " + e.getMessage(), key, false, 0, e);
  }
}
