package ai.lumigator.jobs.config;

/** Storage keys the orchestrator and the job programs agree on (DESIGN.md, "Storage layout"). */
public final class JobPaths {
  private JobPaths() {}

  /** {@code <job name>/<job id>}: the {@code name} field of a job program config. */
  public static String configName(String jobName, String jobId) {
    return jobName + "/" + jobId;
  }

  /** Every character outside {@code [A-Za-z0-9_.-]} becomes {@code -}. */
  public static String sanitizeName(String name) {
    return name.replaceAll("[^A-Za-z0-9_.-]", "-");
  }

  /**
   * {@code jobs/results/<job id>/results.json} (no bucket): from the id alone, so that no name a
   * client gives (".." say) can move it.
   */
  public static String resultsKey(String jobId) {
    return "jobs/results/" + jobId + "/results.json";
  }

  /** {@code s3://<bucket>/jobs/results/<job id>/results.json}. */
  public static String resultsPath(String bucket, String jobId) {
    return "s3://" + bucket + "/" + resultsKey(jobId);
  }

  /**
   * {@code jobs/results/<sanitized name>/<job id>/results.json}: where jobs created before keys
   * came from ids alone wrote their results, for rows that do not record their key.
   */
  public static String namedResultsKey(String jobName, String jobId) {
    return "jobs/results/" + sanitizeName(jobName) + "/" + jobId + "/results.json";
  }

  /**
   * {@code jobs/results/<job id>/chunks/<first>-<last>.json} (no bucket, 0-based inclusive sample
   * indices): a block of an inference job's finished samples, kept while the job runs so that a
   * retry resumes from it.
   */
  public static String inferenceChunkKey(String jobId, int first, int last) {
    return "jobs/results/" + jobId + "/chunks/" + first + "-" + last + ".json";
  }

  /** {@code jobs/progress/<job id>.json} (no bucket); holds {@code {"done": n, "total": m}}. */
  public static String progressKey(String jobId) {
    return "jobs/progress/" + jobId + ".json";
  }

  /**
   * {@code jobs/secrets/<job id>} (no bucket): the provider key handed to one job, written by the
   * worker right before it submits the job, read and removed by the job program (single use).
   */
  public static String secretKey(String jobId) {
    return "jobs/secrets/" + jobId;
  }

  /** {@code datasets/<dataset id>/<filename>/dataset.csv} (no bucket). */
  public static String datasetCsvKey(String datasetId, String filename) {
    return "datasets/" + datasetId + "/" + filename + "/" + DatasetRef.CSV_FILE;
  }

  static boolean isS3Uri(String s) {
    if (s == null || !s.startsWith("s3://")) {
      return false;
    }
    int slash = s.indexOf('/', 5);
    return slash > 5 && slash < s.length() - 1;
  }
}
