package ai.lumigator.workflows.datasets;

import ai.lumigator.activities.datasets.DatasetIngestActivitiesImpl;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.datasets.DatasetDao;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's dataset beans (found by the worker application's component scan; the API does not
 * scan this package): {@code datasetIngestActivities} on the I/O queue (worker.yaml).
 */
@Configuration(proxyBeanMethods = false)
public class DatasetWorkerConfiguration {
  @Bean
  DatasetIngestActivitiesImpl datasetIngestActivities(S3Storage storage, Jdbi jdbi) {
    return new DatasetIngestActivitiesImpl(storage, jdbi.onDemand(DatasetDao.class));
  }
}
