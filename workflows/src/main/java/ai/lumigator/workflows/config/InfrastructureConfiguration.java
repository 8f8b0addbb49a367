package ai.lumigator.workflows.config;

import ai.lumigator.activities.ray.RayJobsClient;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageProperties;
import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.DataSources;
import ai.lumigator.persistence.DatabaseProperties;
import ai.lumigator.persistence.Jdbis;
import com.zaxxer.hikari.HikariDataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Clients both processes need: the database (migrated before anything else uses it), S3 and Ray.
 * Imported by the worker and the API applications.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LumigatorProperties.class)
@Import(SecretsConfiguration.class)
public class InfrastructureConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(LumigatorProperties properties) {
    LumigatorProperties.Database db = properties.database();
    HikariDataSource dataSource =
        DataSources.create(
            new DatabaseProperties(
                db.url(),
                blankToNull(db.username()),
                blankToNull(db.password()),
                db.maxPoolSize()));
    // Flyway serialises concurrent migrators, so the API and workers may all start at once.
    DatabaseMigrator.migrate(dataSource);
    return dataSource;
  }

  @Bean
  Jdbi jdbi(HikariDataSource dataSource) {
    return Jdbis.create(dataSource);
  }

  @Bean(destroyMethod = "close")
  S3Storage s3Storage(LumigatorProperties properties) {
    LumigatorProperties.S3 s3 = properties.s3();
    S3Storage storage =
        new S3Storage(
            new StorageProperties(
                s3.endpoint(),
                s3.region(),
                s3.bucket(),
                blankToNull(s3.accessKey()),
                blankToNull(s3.secretKey()),
                s3.endpoint() != null,
                s3.presignTtl()));
    return storage;
  }

  @Bean
  RayJobsClient rayJobsClient(LumigatorProperties properties) {
    return new RayJobsClient(properties.ray().url());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
