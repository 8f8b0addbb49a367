package ai.lumigator.workflows.jobs;

import ai.lumigator.activities.cache.InferenceCacheActivitiesImpl;
import ai.lumigator.activities.jobs.JobActivitiesImpl;
import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.jobs.JobRowObserver;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.jobs.JobDao;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's job beans (found by the worker application's component scan; the API does not scan
 * this package): {@code jobActivities} and {@code inferenceCacheActivities} on the I/O queue
 * (worker.yaml) and the observer that the Ray wait reports to.
 */
@Configuration(proxyBeanMethods = false)
public class JobWorkerConfiguration {
  /** At most one progress signal per job this often; the row gets every change. */
  static final Duration PROGRESS_SIGNAL_INTERVAL = Duration.ofSeconds(10);

  @Bean
  JobActivitiesImpl jobActivities(Jdbi jdbi, S3Storage storage, RayJobsClient ray) {
    return new JobActivitiesImpl(jdbi.onDemand(JobDao.class), storage, ray, Clock.systemUTC());
  }

  @Bean
  InferenceCacheActivitiesImpl inferenceCacheActivities(Jdbi jdbi, S3Storage storage) {
    return new InferenceCacheActivitiesImpl(
        jdbi.onDemand(JobDao.class), jdbi.onDemand(DatasetDao.class), storage, Clock.systemUTC());
  }

  @Bean
  JobObserver jobObserver(Jdbi jdbi, S3Storage storage, WorkflowClient client) {
    return new SignallingJobObserver(
        new JobRowObserver(jdbi.onDemand(JobDao.class), storage, Clock.systemUTC()),
        client,
        Clock.systemUTC(),
        PROGRESS_SIGNAL_INTERVAL);
  }
}
