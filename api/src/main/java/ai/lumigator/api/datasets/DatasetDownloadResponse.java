package ai.lumigator.api.datasets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Presigned GET URLs of a dataset's objects. */
public record DatasetDownloadResponse(
    String id, @JsonProperty("download_urls") List<String> downloadUrls) {}
