package ai.lumigator.api.datasets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dataset settings of the API, bound from {@code lumigator.api.datasets.*}.
 *
 * @param maxUploadBytes largest upload accepted, counted while it streams (413 beyond)
 * @param ingestTimeout how long an upload waits for its ingest workflow before answering 503 (the
 *     workflow's own deadline is 5 minutes, after which it cleans up)
 */
@ConfigurationProperties("lumigator.api.datasets")
public record DatasetProperties(
    @DefaultValue("50000000") long maxUploadBytes, @DefaultValue("6m") Duration ingestTimeout) {
  public DatasetProperties {
    if (maxUploadBytes < 1) {
      throw new IllegalArgumentException(
          "lumigator.api.datasets.max-upload-bytes must be positive: " + maxUploadBytes);
    }
  }
}
