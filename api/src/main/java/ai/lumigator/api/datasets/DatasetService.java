package ai.lumigator.api.datasets;

import ai.lumigator.activities.datasets.DatasetKeys;
import ai.lumigator.activities.storage.ObjectInfo;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.deletions.Deletions;
import ai.lumigator.api.errors.NotFoundException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** Reads, download links and deletion of datasets. */
@Service
public class DatasetService {
  static final String RESOURCE = "Dataset";

  private final DatasetDao datasets;
  private final S3Storage storage;
  private final Deletions deletions;

  DatasetService(Jdbi jdbi, S3Storage storage, Deletions deletions) {
    this.datasets = jdbi.onDemand(DatasetDao.class);
    this.storage = storage;
    this.deletions = deletions;
  }

  DatasetListResponse list(long skip, long limit) {
    List<DatasetResponse> items =
        datasets.list(skip, limit).stream().map(DatasetResponse::of).toList();
    return new DatasetListResponse(datasets.count(), items);
  }

  /** The row of a dataset, or 404 "Dataset with ID {id} not found". */
  public DatasetRow get(UUID id) {
    return datasets.findById(id.toString()).orElseThrow(() -> new NotFoundException(RESOURCE, id));
  }

  /**
   * Presigned GETs of the dataset's files whose key ends with {@code extension} (trimmed,
   * case-insensitive; blank or absent = every file), in key order: the original's four ({@code
   * data-00000-of-00001.arrow}, {@code dataset.csv}, {@code dataset_info.json}, {@code
   * state.json}). Our own {@code metadata.json} is not one of them.
   */
  DatasetDownloadResponse downloadUrls(UUID id, String extension) {
    DatasetRow row = get(id);
    String suffix = extension == null ? "" : extension.strip().toLowerCase(Locale.ROOT);
    try {
      List<String> urls =
          storage.list(row.storagePrefix() + "/").stream()
              .map(ObjectInfo::key)
              .filter(key -> !key.endsWith("/" + DatasetKeys.METADATA_FILE))
              .filter(key -> key.toLowerCase(Locale.ROOT).endsWith(suffix))
              .map(storage::presignGet)
              .toList();
      return new DatasetDownloadResponse(row.id(), urls);
    } catch (StorageException e) {
      throw new UpstreamException("S3", e.getMessage(), e);
    }
  }

  /**
   * Hides the dataset at once and removes its objects, then its row, in its deletion workflow
   * (objects already missing are fine).
   */
  void delete(UUID id) {
    deletions.dataset(get(id).id());
  }
}
