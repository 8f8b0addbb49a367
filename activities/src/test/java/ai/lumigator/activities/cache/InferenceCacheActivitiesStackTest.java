package ai.lumigator.activities.cache;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.activities.deletions.DeletionActivitiesImpl;
import ai.lumigator.activities.deletions.DeletionPlan;
import ai.lumigator.activities.deletions.DeletionRequest;
import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageProperties;
import ai.lumigator.migrations.DatabaseMigrator;
import ai.lumigator.persistence.DataSources;
import ai.lumigator.persistence.DatabaseProperties;
import ai.lumigator.persistence.Jdbis;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.datasets.DatasetRow;
import ai.lumigator.persistence.deletions.DeletionDao;
import ai.lumigator.persistence.experiments.ExperimentDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobStatuses;
import ai.lumigator.persistence.workflows.WorkflowDao;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference cache activities against the real S3Proxy and a fresh SQLite database. */
@Tag("stack")
class InferenceCacheActivitiesStackTest {
  static final StorageProperties S3 =
      StorageProperties.fromEnv(
          System.getenv(),
          StorageProperties.of(
              URI.create("http://127.0.0.1:9000"),
              "us-east-1",
              "lumigator",
              "lumigator",
              "lumigator-local-secret",
              true));
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static HikariDataSource dataSource;
  static S3Storage storage;
  static Jdbi jdbi;
  static JobDao jobs;
  static InferenceCacheActivitiesImpl activities;

  @BeforeAll
  static void start() {
    dataSource = DataSources.create(DatabaseProperties.of("jdbc:sqlite:" + dir.resolve("t.db")));
    DatabaseMigrator.migrate(dataSource);
    jdbi = Jdbis.create(dataSource);
    jobs = jdbi.onDemand(JobDao.class);
    storage = new S3Storage(S3);
    storage.ensureBucket();
    activities =
        new InferenceCacheActivitiesImpl(
            jobs, jdbi.onDemand(DatasetDao.class), storage, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (storage != null) storage.close();
    if (dataSource != null) dataSource.close();
  }

  static String newKey() throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256")
                .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
  }

  static String newDataset() {
    String id = UUID.randomUUID().toString();
    jdbi.onDemand(DatasetDao.class)
        .insertIfAbsent(
            new DatasetRow(
                id,
                "d.csv",
                "job",
                10,
                2,
                "[]",
                "ab",
                true,
                null,
                false,
                null,
                "datasets/" + id,
                1));
    return id;
  }

  static String config(String jobId) {
    return "{\"name\":\"n/"
        + jobId
        + "\",\"job\":{\"storage_path\":\"s3://b/jobs/results/"
        + jobId
        + "/results.json\"}}";
  }

  /** A job row; succeeded ones have results with two predictions. */
  static String newJob(String datasetId, boolean succeeded) {
    String id = UUID.randomUUID().toString();
    jobs.insert(
        JobRow.created(id, "n", "", "inference", datasetId, null, config(id), "{}", null, 1));
    if (succeeded) {
      storage.putString(
          results(id),
          "{\"metrics\":{},\"artifacts\":{\"predictions\":[\"a\",\"b\"],\"inference_time\":2.5},"
              + "\"parameters\":"
              + config(id)
              + "}");
      jobs.updateStatus(id, JobStatuses.SUCCEEDED, 2);
    }
    return id;
  }

  static String results(String jobId) {
    return "jobs/results/" + jobId + "/results.json";
  }

  static CacheLookup lookup(String jobId, String key, boolean useCache) {
    return new CacheLookup(jobId, key, useCache, results(jobId), config(jobId));
  }

  static JsonNode cacheOf(String jobId) throws Exception {
    return JSON.readTree(jobs.findById(jobId).orElseThrow().cacheJson());
  }

  @Test
  void aKeptEntryServesTheNextJobWithItsOwnConfigAsParameters() throws Exception {
    String key = newKey();
    String dataset = newDataset();
    String source = newJob(dataset, true);
    assertThat(activities.lookup(lookup(source, key, true))).isEqualTo(CacheLookupResult.miss());
    activities.store(new CacheStore(source, key, results(source), dataset));
    activities.store(new CacheStore(source, key, results(source), dataset));

    String next = newJob(dataset, false);
    CacheLookupResult hit = activities.lookup(lookup(next, key, true));
    assertThat(activities.lookup(lookup(next, key, true))).isEqualTo(hit);

    assertThat(hit).isEqualTo(new CacheLookupResult(true, source));
    JsonNode served = JSON.readTree(storage.getString(results(next)));
    assertThat(served.at("/artifacts/predictions").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(served.path("parameters")).isEqualTo(JSON.readTree(config(next)));
    assertThat(served.toString()).doesNotContain(source);
    assertThat(cacheOf(next).toString())
        .isEqualTo(
            "{\"use_cache\":true,\"key\":\""
                + key
                + "\",\"hit\":true,\"source_job_id\":\""
                + source
                + "\"}");
    assertThat(cacheOf(source).path("hit").asBoolean()).isFalse();
    assertThat(jobs.findById(next).orElseThrow().logs())
        .contains("Served from the inference cache", source);
  }

  @Test
  void useCacheFalseRecordsTheKeyAndReusesNothing() throws Exception {
    String key = newKey();
    String dataset = newDataset();
    String source = newJob(dataset, true);
    activities.store(new CacheStore(source, key, results(source), dataset));
    String fresh = newJob(dataset, false);

    assertThat(activities.lookup(lookup(fresh, key, false))).isEqualTo(CacheLookupResult.miss());

    assertThat(storage.exists(results(fresh))).isFalse();
    assertThat(cacheOf(fresh).path("use_cache").asBoolean()).isFalse();
    assertThat(cacheOf(fresh).path("key").asText()).isEqualTo(key);
    assertThat(storage.exists(CacheKeys.entry(key))).as("the entry stays").isTrue();
  }

  @Test
  void anEntryWhoseDatasetOrJobIsGoneIsAMissAndIsRemoved() throws Exception {
    String key = newKey();
    String dataset = newDataset();
    String source = newJob(dataset, true);
    activities.store(new CacheStore(source, key, results(source), dataset));
    jdbi.onDemand(DeletionDao.class).markDatasetDeleted(dataset, 3);

    String next = newJob(newDataset(), false);
    assertThat(activities.lookup(lookup(next, key, true))).isEqualTo(CacheLookupResult.miss());
    assertThat(storage.list(CacheKeys.prefix(key))).isEmpty();

    String other = newKey();
    String kept = newDataset();
    String deletedJob = newJob(kept, true);
    activities.store(new CacheStore(deletedJob, other, results(deletedJob), kept));
    jobs.delete(deletedJob);
    assertThat(activities.lookup(lookup(next, other, true))).isEqualTo(CacheLookupResult.miss());
    assertThat(storage.list(CacheKeys.prefix(other))).isEmpty();

    assertThat(activities.lookup(lookup(next, newKey(), true)))
        .as("no entry at all")
        .isEqualTo(CacheLookupResult.miss());
  }

  @Test
  void deletingTheDatasetOrAJobThatUsedAKeyRemovesItsEntry() throws Exception {
    String key = newKey();
    String dataset = newDataset();
    String source = newJob(dataset, true);
    activities.lookup(lookup(source, key, true));
    activities.store(new CacheStore(source, key, results(source), dataset));
    DeletionActivitiesImpl deletions =
        new DeletionActivitiesImpl(
            jdbi.onDemand(WorkflowDao.class),
            jobs,
            jdbi.onDemand(DatasetDao.class),
            jdbi.onDemand(ExperimentDao.class),
            storage,
            null);

    DeletionPlan plan = deletions.plan(new DeletionRequest(DeletionRequest.DATASET, dataset));
    assertThat(plan.prefixes()).contains(CacheKeys.prefix(key));
    deletions.removeObjects(plan);
    assertThat(storage.list(CacheKeys.prefix(key))).isEmpty();

    assertThat(CacheKeys.prefixOfJob(jobs.findById(source).orElseThrow().cacheJson()))
        .contains(CacheKeys.prefix(key));
    assertThat(CacheKeys.prefixOfJob(null)).isEmpty();
  }
}
