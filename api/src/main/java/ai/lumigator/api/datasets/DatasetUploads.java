package ai.lumigator.api.datasets;

import ai.lumigator.activities.datasets.DatasetFilenames;
import ai.lumigator.activities.datasets.DatasetKeys;
import ai.lumigator.activities.datasets.DatasetScan;
import ai.lumigator.activities.datasets.DatasetSummary;
import ai.lumigator.activities.datasets.InvalidDatasetException;
import ai.lumigator.activities.datasets.ObjectUpload;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.errors.BadRequestException;
import ai.lumigator.api.errors.InvalidInputException;
import ai.lumigator.api.errors.RequestShapeException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.api.errors.ValidationError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.apache.commons.io.input.TeeInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Receives {@code POST /api/v1/datasets/} as a stream (Spring's multipart support is off): the
 * {@code dataset} part is counted against the size limit, checked by {@link DatasetScan} and stored
 * at {@code uploads/{id}} in one pass, never held in memory. Fails with the client's error and
 * leaves no object behind.
 */
@Component
class DatasetUploads {
  static final String DATASET = "dataset";
  static final String FORMAT = "format";
  static final String JOB_FORMAT = "job";

  /** Room for part headers and small fields on top of the file itself. */
  private static final long ENVELOPE_BYTES = 1024 * 1024;

  private static final int MAX_PARTS = 16;
  private static final int MAX_FIELD_BYTES = 1024;
  private static final Logger log = LoggerFactory.getLogger(DatasetUploads.class);

  private final S3Storage storage;
  private final long maxBytes;

  DatasetUploads(S3Storage storage, DatasetProperties properties) {
    this.storage = storage;
    this.maxBytes = properties.maxUploadBytes();
  }

  /** Reads the whole request; the returned upload is checked and staged. */
  StagedUpload receive(HttpServletRequest request) {
    if (!JakartaServletFileUpload.isMultipartContent(request)
        || request.getContentLengthLong() == 0) {
      throw new RequestShapeException(List.of(missing(DATASET), missing(FORMAT)));
    }
    String datasetId = UUID.randomUUID().toString();
    StagedUpload staged = null;
    boolean datasetSent = false;
    String format = null;
    List<ValidationError> errors = new ArrayList<>();
    try {
      JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> upload =
          new JakartaServletFileUpload<>();
      upload.setHeaderCharset(StandardCharsets.UTF_8);
      upload.setSizeMax(maxBytes + ENVELOPE_BYTES);
      FileItemInputIterator parts = upload.getItemIterator(request);
      int count = 0;
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        if (++count > MAX_PARTS) {
          throw new BadRequestException(
              "Malformed multipart body: more than " + MAX_PARTS + " parts");
        }
        String field = part.getFieldName() == null ? "" : part.getFieldName();
        if (field.equals(FORMAT) && format == null) {
          format = readField(part);
        } else if (field.equals(DATASET) && !datasetSent) {
          datasetSent = true;
          String clientName = upload.getFileName(part.getHeaders());
          if (clientName == null) {
            errors.add(
                new ValidationError(
                    List.of("body", DATASET),
                    "Expected UploadFile, received: <class 'str'>",
                    "value_error"));
            drain(part.getInputStream());
          } else if (format != null && !format.equals(JOB_FORMAT)) {
            drain(part.getInputStream()); // rejected below: not worth storing
          } else {
            staged = stage(datasetId, clientName, part);
          }
        } else {
          drain(part.getInputStream()); // unknown fields are ignored, as FastAPI does
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the multipart stream: malformed, cut short, or beyond the size bound of the whole request
      discard(staged);
      drainQuietly(request);
      if (causedBy(e, FileUploadSizeException.class)) {
        throw UploadLimit.tooLarge(maxBytes);
      }
      throw new BadRequestException("Malformed multipart body: " + rootMessage(e));
    } catch (RuntimeException e) {
      discard(staged);
      drainQuietly(request);
      throw e;
    }
    if (!datasetSent) {
      errors.add(missing(DATASET));
    }
    if (format == null) {
      errors.add(missing(FORMAT));
    } else if (!format.equals(JOB_FORMAT)) {
      errors.add(new ValidationError(List.of("body", FORMAT), "Input should be 'job'", "enum"));
    }
    if (!errors.isEmpty()) {
      discard(staged);
      throw new RequestShapeException(errors);
    }
    return staged;
  }

  private StagedUpload stage(String datasetId, String clientName, FileItemInput part)
      throws IOException {
    String filename =
        DatasetFilenames.sanitize(clientName)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "Dataset filename is empty: send the file with a name, e.g."
                            + " dataset.csv"));
    if (!DatasetFilenames.isValid(filename)) {
      throw new InvalidInputException(
          "Dataset filename is too long: at most "
              + DatasetFilenames.MAX_BYTES
              + " bytes of UTF-8");
    }
    String key = DatasetKeys.staging(datasetId);
    UploadLimit counted = new UploadLimit(part.getInputStream(), maxBytes);
    try (ObjectUpload staging = ObjectUpload.start(storage, key, "text/csv")) {
      InputStream tee = new TeeInputStream(counted, staging, false);
      DatasetSummary summary = DatasetScan.scan(tee, DatasetScan.RowSink.NONE);
      tee.transferTo(OutputStream.nullOutputStream()); // whatever follows the last record
      staging.commit();
      log.info(
          "Dataset {} staged: '{}', {} bytes, {} rows",
          datasetId,
          filename,
          counted.count(),
          summary.rows());
      return new StagedUpload(datasetId, key, filename, counted.count(), summary);
    } catch (InvalidDatasetException e) {
      log.info("Dataset {} rejected: {}", datasetId, e.getMessage());
      throw new InvalidInputException(e.getMessage());
    } catch (StorageException e) {
      throw new UpstreamException("S3", e.getMessage(), e);
    }
  }

  private static String readField(FileItemInput part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
      if (bytes.length > MAX_FIELD_BYTES) {
        throw new RequestShapeException(
            List.of(
                new ValidationError(
                    List.of("body", part.getFieldName()), "Input should be 'job'", "enum")));
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void drain(InputStream in) throws IOException {
    try (in) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /**
   * Reads what is left of a refused request (up to a bound), so that the client, still sending,
   * receives the error instead of a reset connection.
   */
  private void drainQuietly(HttpServletRequest request) {
    try {
      InputStream in = request.getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long left = maxBytes + ENVELOPE_BYTES;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not drain a refused upload: {}", e.toString());
    }
  }

  private void discard(StagedUpload staged) {
    if (staged != null) {
      try {
        storage.deleteKey(staged.stagingKey());
      } catch (StorageException e) {
        log.warn("Could not delete the staged upload {}: {}", staged.stagingKey(), e.getMessage());
      }
    }
  }

  static ValidationError missing(String field) {
    return new ValidationError(List.of("body", field), "Field required", "missing");
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? "the body could not be read" : t.getMessage();
  }
}
