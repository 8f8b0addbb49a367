package ai.lumigator.api.datasets;

import ai.lumigator.api.errors.PageParameters;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading, downloading and deleting datasets; uploads are {@link DatasetUploadController}. */
@RestController
@RequestMapping("/api/v1/datasets")
public class DatasetController {
  private final DatasetService datasets;

  DatasetController(DatasetService datasets) {
    this.datasets = datasets;
  }

  /** Newest first. */
  @GetMapping({"", "/"})
  public DatasetListResponse list(
      @RequestParam(defaultValue = "0") long skip, @RequestParam(defaultValue = "100") long limit) {
    PageParameters.check(skip, limit);
    return datasets.list(skip, limit);
  }

  @GetMapping("/{id}")
  public DatasetResponse get(@PathVariable UUID id) {
    return DatasetResponse.of(datasets.get(id));
  }

  /** Hides the dataset at once; its deletion workflow removes every object, then the row. */
  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@PathVariable UUID id) {
    datasets.delete(id);
    return ResponseEntity.noContent().build();
  }

  /** Presigned GET URLs of the dataset's files, optionally only those ending with extension. */
  @GetMapping("/{id}/download")
  public DatasetDownloadResponse download(
      @PathVariable UUID id, @RequestParam(required = false) String extension) {
    return datasets.downloadUrls(id, extension);
  }
}
