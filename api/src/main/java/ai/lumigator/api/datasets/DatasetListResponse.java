package ai.lumigator.api.datasets;

import java.util.List;

/** A page of datasets, newest first; {@code total} counts all of them. */
public record DatasetListResponse(long total, List<DatasetResponse> items) {}
