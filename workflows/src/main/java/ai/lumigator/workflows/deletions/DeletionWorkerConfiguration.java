package ai.lumigator.workflows.deletions;

import ai.lumigator.activities.deletions.DeletionActivitiesImpl;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.workflows.WorkflowDao;
import io.temporal.client.WorkflowClient;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker's deletion activities, {@code deletionActivities} on the I/O queue (worker.yaml). */
@Configuration(proxyBeanMethods = false)
public class DeletionWorkerConfiguration {
  @Bean
  DeletionActivitiesImpl deletionActivities(Jdbi jdbi, S3Storage storage, WorkflowClient client) {
    return new DeletionActivitiesImpl(
        jdbi.onDemand(WorkflowDao.class),
        jdbi.onDemand(JobDao.class),
        jdbi.onDemand(DatasetDao.class),
        jdbi.onDemand(ExperimentDao.class),
        storage,
        client);
  }
}
