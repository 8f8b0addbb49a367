package ai.lumigator.activities.cache;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The inference cache (API.md, "Inference cache"): the predictions of a succeeded inference job
 * kept under their content key, so that a later job with the same key reuses them instead of
 * running on Ray. Runs on the I/O task queue; both methods are idempotent.
 */
@ActivityInterface
public interface InferenceCacheActivities {

  /**
   * Records the job's cache key on its row and, when the job uses the cache and a live entry has
   * its key, writes the entry's results as the job's results.json (with this job's config as {@code
   * parameters}). An entry whose source job or dataset has been deleted is a miss, and is removed.
   */
  @ActivityMethod
  CacheLookupResult lookup(CacheLookup request);

  /** Keeps the results of a job that succeeded on Ray as the entry of its key (replacing one). */
  @ActivityMethod
  void store(CacheStore request);
}
