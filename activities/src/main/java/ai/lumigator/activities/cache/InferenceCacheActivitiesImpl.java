package ai.lumigator.activities.cache;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.persistence.datasets.DatasetDao;
import ai.lumigator.persistence.jobs.JobDao;
import ai.lumigator.persistence.jobs.JobRow;
import ai.lumigator.persistence.jobs.JobStatuses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class InferenceCacheActivitiesImpl implements InferenceCacheActivities {
  private static final Logger log = LoggerFactory.getLogger(InferenceCacheActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JobDao jobs;
  private final DatasetDao datasets;
  private final S3Storage storage;
  private final Clock clock;

  public InferenceCacheActivitiesImpl(
      JobDao jobs, DatasetDao datasets, S3Storage storage, Clock clock) {
    this.jobs = jobs;
    this.datasets = datasets;
    this.storage = storage;
    this.clock = clock;
  }

  @Override
  public CacheLookupResult lookup(CacheLookup request) {
    String jobId = request.jobId();
    String key = request.cacheKey();
    Optional<CacheEntry> entry = request.useCache() ? liveEntry(key) : Optional.empty();
    Optional<ObjectNode> cached = entry.flatMap(e -> readResults(key));
    if (cached.isEmpty()) {
      record(jobId, new CacheUse(request.useCache(), key, false, null));
      log.info(
          "Job {}: inference cache {} for key {}",
          jobId,
          request.useCache() ? "miss" : "not used (use_cache false)",
          key);
      return CacheLookupResult.miss();
    }
    String source = entry.get().sourceJobId();
    ObjectNode results = cached.get();
    // the results are this job's now: its own config, not the source job's id and paths
    results.set("parameters", parse(request.configJson(), "the job's config"));
    storage.putBytes(request.resultsKey(), bytes(results), "application/json");
    record(jobId, new CacheUse(true, key, true, source));
    jobs.saveLogs(
        jobId,
        "Served from the inference cache (key "
            + key
            + "): the predictions of job "
            + source
            + " were reused; no Ray job ran.\n",
        clock.millis());
    log.info("Job {}: inference cache hit for key {}, predictions of job {}", jobId, key, source);
    return new CacheLookupResult(true, source);
  }

  @Override
  public void store(CacheStore request) {
    String key = request.cacheKey();
    storage.copy(request.resultsKey(), CacheKeys.results(key));
    CacheEntry entry = new CacheEntry(request.jobId(), request.datasetId(), clock.millis());
    storage.putBytes(CacheKeys.entry(key), bytes(JSON.valueToTree(entry)), "application/json");
    log.info("Job {}: predictions kept in the inference cache under key {}", request.jobId(), key);
  }

  /**
   * The entry of {@code key} when its results can be reused: its source job and dataset still
   * exist. One whose source is gone is removed, so no copy of a deleted dataset's rows stays here.
   */
  private Optional<CacheEntry> liveEntry(String key) {
    Optional<CacheEntry> entry = readEntry(key);
    if (entry.isEmpty()) return Optional.empty();
    Optional<JobRow> source = jobs.findById(entry.get().sourceJobId());
    boolean live =
        source.isPresent()
            && JobStatuses.SUCCEEDED.equals(source.get().status())
            && datasets.findById(entry.get().datasetId()).isPresent();
    if (live) return entry;
    log.info(
        "Inference cache entry {} of job {} is stale (its job or dataset is gone): removed",
        key,
        entry.get().sourceJobId());
    storage.deletePrefix(CacheKeys.prefix(key));
    return Optional.empty();
  }

  private Optional<CacheEntry> readEntry(String key) {
    String text;
    try {
      text = storage.getString(CacheKeys.entry(key));
    } catch (StorageException e) {
      if (e.isNotFound()) return Optional.empty();
      throw e;
    }
    try {
      return Optional.of(JSON.readValue(text, CacheEntry.class));
    } catch (JsonProcessingException e) {
      log.warn("Inference cache entry {} is unreadable, ignored: {}", key, e.getMessage());
      return Optional.empty();
    }
  }

  /** The entry's results; empty (and the entry removed) when they are gone or not an object. */
  private Optional<ObjectNode> readResults(String key) {
    try {
      if (JSON.readTree(storage.getBytes(CacheKeys.results(key))) instanceof ObjectNode o) {
        return Optional.of(o);
      }
    } catch (StorageException e) {
      if (!e.isNotFound()) throw e;
    } catch (IOException e) {
      // not JSON: as unusable as a missing one
    }
    log.warn("Inference cache entry {} has no readable results: removed", key);
    storage.deletePrefix(CacheKeys.prefix(key));
    return Optional.empty();
  }

  private void record(String jobId, CacheUse use) {
    jobs.setCache(
        jobId, new String(bytes(JSON.valueToTree(use)), StandardCharsets.UTF_8), clock.millis());
  }

  private static JsonNode parse(String json, String what) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure(what + " is not JSON", "BadConfig");
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
