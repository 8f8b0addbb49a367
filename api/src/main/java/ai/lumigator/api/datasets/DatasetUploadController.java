package ai.lumigator.api.datasets;

import ai.lumigator.persistence.datasets.DatasetRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v1/datasets/}: multipart with the CSV in {@code dataset} and {@code format=job}.
 * The body is read as a stream (Spring's multipart support is off), checked and staged in one pass,
 * then ingested by a workflow; 201 once the dataset is stored.
 */
@RestController
public class DatasetUploadController {
  private final DatasetUploads uploads;
  private final DatasetIngestion ingestion;

  DatasetUploadController(DatasetUploads uploads, DatasetIngestion ingestion) {
    this.uploads = uploads;
    this.ingestion = ingestion;
  }

  /** The multipart form, for the API docs (the handler reads the stream itself). */
  @Schema(requiredProperties = {"dataset", "format"})
  record UploadForm(
      @Schema(type = "string", format = "binary", description = "the CSV file") String dataset,
      @Schema(allowableValues = "job") String format) {}

  @PostMapping({"/api/v1/datasets", "/api/v1/datasets/"})
  @Operation(
      summary = "Upload a dataset (CSV with an examples column; at most the configured size)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "multipart/form-data",
                      schema = @Schema(implementation = UploadForm.class))))
  public ResponseEntity<DatasetResponse> upload(HttpServletRequest request) {
    DatasetRow row = ingestion.ingest(uploads.receive(request));
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/v1/datasets/{id}")
            .buildAndExpand(row.id())
            .toUri();
    return ResponseEntity.created(location).body(DatasetResponse.of(row));
  }
}
