package ai.lumigator.workflows.evaluations;

import ai.lumigator.activities.evaluations.EvaluationActivitiesImpl;
import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.workflows.WorkflowDao;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The worker's evaluation beans (found by the worker application's component scan; the API does not
 * scan this package): {@code evaluationActivities} on the I/O queue (worker.yaml), and the job
 * observer that the Ray wait reports to.
 */
@Configuration(proxyBeanMethods = false)
public class EvaluationWorkerConfiguration {
  /** At most one progress signal per job this often, as for the job workflow itself. */
  static final Duration PROGRESS_SIGNAL_INTERVAL = Duration.ofSeconds(10);

  @Bean
  EvaluationActivitiesImpl evaluationActivities(Jdbi jdbi, S3Storage storage) {
    return new EvaluationActivitiesImpl(
        jdbi.onDemand(WorkflowDao.class), jdbi.onDemand(JobDao.class), storage, Clock.systemUTC());
  }

  /**
   * The observer the Ray wait gets: the jobs' own observer ({@code jobObserver}: row and job
   * workflow), wrapped so that an evaluation workflow hears of its jobs too.
   */
  @Bean
  @Primary
  JobObserver evaluationJobObserver(
      @Qualifier("jobObserver") JobObserver jobObserver, Jdbi jdbi, WorkflowClient client) {
    WorkflowDao workflows = jdbi.onDemand(WorkflowDao.class);
    return new EvaluationJobObserver(
        jobObserver, workflows::workflowOfJob, client, Clock.systemUTC(), PROGRESS_SIGNAL_INTERVAL);
  }
}
