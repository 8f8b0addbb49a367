package ai.lumigator.workflows.config;

import ai.lumigator.activities.jobs.JobObserver;
import ai.lumigator.activities.jobs.PollSchedule;
import ai.lumigator.activities.jobs.RayJobActivitiesImpl;
import ai.lumigator.activities.jobs.RayJobSettings;
import ai.lumigator.activities.jobs.S3JobSecretDrop;
import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.ray.RayPackages;
import ai.lumigator.activities.secrets.RaySecretResolver;
import ai.lumigator.activities.secrets.SecretStore;
import ai.lumigator.activities.smoke.SmokeActivitiesImpl;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.persistence.smoke.SmokeRunDao;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Activity implementations of the worker, named as worker.yaml's {@code activity-beans} refer to
 * them. Only the worker imports this.
 */
@Configuration(proxyBeanMethods = false)
public class ActivityConfiguration {

  @Bean
  RayJobActivitiesImpl rayJobActivities(
      RayJobsClient ray,
      LumigatorProperties properties,
      SecretStore secrets,
      S3Storage storage,
      JobObserver jobObserver) {
    LumigatorProperties.Jobs jobs = properties.jobs();
    return new RayJobActivitiesImpl(
        ray,
        new RayPackages(ray),
        new RayJobSettings(
            jobs.jar(),
            jobs.javaOptions(),
            new PollSchedule(
                properties.ray().minPollInterval(),
                properties.ray().pollInterval(),
                properties.ray().pendingPollInterval()),
            jobs.numCpus(),
            jobs.classDataSharing(),
            jobs.s3RetryWindow()),
        new RaySecretResolver(secrets),
        new S3JobSecretDrop(storage),
        jobObserver);
  }

  @Bean
  SmokeActivitiesImpl smokeActivities(S3Storage storage, Jdbi jdbi) {
    return new SmokeActivitiesImpl(storage, jdbi.onDemand(SmokeRunDao.class));
  }
}
