package ai.lumigator.activities.datasets;

import ai.lumigator.activities.jobs.JobResultsCsv;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class DatasetIngestActivitiesImpl implements DatasetIngestActivities {
  /** Failure type when the staged object is gone: nothing to ingest, retrying cannot help. */
  public static final String STAGING_MISSING = "DatasetStagingMissing";

  static final String FORMAT = "job";
  private static final Logger log = LoggerFactory.getLogger(DatasetIngestActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final S3Storage storage;
  private final DatasetDao datasets;

  public DatasetIngestActivitiesImpl(S3Storage storage, DatasetDao datasets) {
    this.storage = storage;
    this.datasets = datasets;
  }

  @Override
  public CanonicalDataset canonicalise(DatasetIngestRequest request) {
    String id = request.datasetId();
    String filename = request.filename();
    if (!DatasetFilenames.isValid(filename)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Dataset filename is invalid: '" + filename + "'", InvalidDatasetException.FAILURE_TYPE);
    }
    MessageDigest sha256 = sha256();
    DatasetSummary summary;
    long size;
    String sha;
    try (HfDatasetWriter hf = HfDatasetWriter.start();
        InputStream staged = openStaged(request);
        CountingInputStream counted =
            new CountingInputStream(new DigestInputStream(staged, sha256));
        ObjectUpload csv =
            ObjectUpload.start(storage, DatasetKeys.csv(id, filename), "text/csv; charset=utf-8")) {
      CanonicalCsvWriter writer = new CanonicalCsvWriter(csv);
      summary = DatasetScan.scan(counted, DatasetScan.RowSink.both(writer, hf.rows()));
      writer.finish();
      counted.transferTo(OutputStream.nullOutputStream()); // the digest covers every byte
      csv.commit();
      size = counted.count();
      sha = HexFormat.of().formatHex(sha256.digest());
      hf.store(storage, DatasetKeys.folder(id, filename), filename, summary.columns(), sha, size);
    } catch (InvalidDatasetException e) {
      log.info("Dataset {} rejected: {}", id, e.getMessage());
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), InvalidDatasetException.FAILURE_TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading s3://" + storage.bucket() + "/" + request.stagingKey() + " failed", e);
    }
    DatasetMetadata metadata =
        new DatasetMetadata(
            id, filename, summary.columns(), summary.rows(), sha, summary.groundTruth(), size);
    storage.putBytes(DatasetKeys.metadata(id, filename), json(metadata), "application/json");
    log.info(
        "Dataset {} canonicalised: {} rows, columns {}, ground_truth {}, {} bytes",
        id,
        summary.rows(),
        summary.columns(),
        summary.groundTruth(),
        size);
    return new CanonicalDataset(
        id, summary.columns(), summary.rows(), summary.groundTruth(), sha, size);
  }

  private InputStream openStaged(DatasetIngestRequest request) {
    if (request.resultsKey() != null) return generatedCsv(request);
    try {
      return storage.openStream(request.stagingKey());
    } catch (StorageException e) {
      if (e.isNotFound()) {
        throw ApplicationFailure.newNonRetryableFailure(
            "Staged dataset s3://"
                + storage.bucket()
                + "/"
                + request.stagingKey()
                + " does not exist",
            STAGING_MISSING);
      }
      throw e;
    }
  }

  @Override
  public void record(DatasetRecord record) {
    DatasetIngestRequest request = record.request();
    CanonicalDataset dataset = record.dataset();
    boolean inserted =
        datasets.insertIfAbsent(
            new DatasetRow(
                request.datasetId(),
                request.filename(),
                FORMAT,
                request.sizeBytes() > 0 ? request.sizeBytes() : dataset.sizeBytes(),
                dataset.rows(),
                new String(json(dataset.columns()), StandardCharsets.UTF_8),
                dataset.sha256(),
                dataset.groundTruth(),
                request.runId(),
                request.runId() != null,
                request.generatedBy(),
                DatasetKeys.folder(request.datasetId(), request.filename()),
                System.currentTimeMillis()));
    log.info("Dataset {} recorded{}", request.datasetId(), inserted ? "" : " (already there)");
  }

  /** The CSV of a job's outputs, from its results.json (the same rows the staged CSV held). */
  private InputStream generatedCsv(DatasetIngestRequest request) {
    return new ByteArrayInputStream(
        JobResultsCsv.build(storage, request.resultsKey(), request.runId(), request.outputField())
            .bytes());
  }

  @Override
  public void deleteStaging(DatasetIngestRequest request) {
    if (request.deleteStaging()) {
      storage.deleteKey(request.stagingKey());
    }
  }

  @Override
  public void discard(DatasetIngestRequest request) {
    String id = request.datasetId();
    int objects = storage.deletePrefix(DatasetKeys.root(id));
    if (request.deleteStaging()) {
      storage.deleteKey(request.stagingKey());
    }
    boolean row = datasets.delete(id);
    log.info(
        "Dataset {} discarded: {} object(s){}{}",
        id,
        objects,
        request.deleteStaging() ? " and the staged upload" : "",
        row ? " and its row" : "");
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
