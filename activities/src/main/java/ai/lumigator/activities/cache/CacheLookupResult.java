package ai.lumigator.activities.cache;

/**
 * @param hit true when the job's results.json now holds the cached predictions
 * @param sourceJobId the job that produced them, or null on a miss
 */
public record CacheLookupResult(boolean hit, String sourceJobId) {
  public static CacheLookupResult miss() {
    return new CacheLookupResult(false, null);
  }
}
