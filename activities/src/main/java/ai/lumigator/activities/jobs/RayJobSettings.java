package ai.lumigator.activities.jobs;

import ai.lumigator.jobs.storage.S3ObjectStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param jobsJar the runnable jobs jar, shipped to Ray as the job's working_dir
 * @param javaOptions JVM options of the job program
 * @param polls how often the await activity asks Ray for the job's status
 * @param numCpus CPUs Ray reserves for each job program ({@code entrypoint_num_cpus}), so jobs
 *     queue in Ray instead of overloading a node; 0 reserves none
 * @param classDataSharing job programs start from a class-data archive the first job of a package
 *     records in its working_dir (see {@link Entrypoints})
 * @param s3RetryWindow how long a job program's reads wait out an unreachable object store before
 *     the job fails (handed to it as {@value S3ObjectStore#ENV_RETRY_WINDOW})
 */
public record RayJobSettings(
    Path jobsJar,
    String javaOptions,
    PollSchedule polls,
    double numCpus,
    boolean classDataSharing,
    Duration s3RetryWindow) {
  public RayJobSettings {
    if (numCpus < 0) throw new IllegalArgumentException("numCpus must be >= 0, was " + numCpus);
    if (s3RetryWindow == null || s3RetryWindow.isNegative()) {
      throw new IllegalArgumentException("s3RetryWindow must be >= 0, was " + s3RetryWindow);
    }
  }

  /** With the job programs' default retry window. */
  public RayJobSettings(
      Path jobsJar,
      String javaOptions,
      PollSchedule polls,
      double numCpus,
      boolean classDataSharing) {
    this(jobsJar, javaOptions, polls, numCpus, classDataSharing, S3ObjectStore.DEFAULT_READ_WINDOW);
  }
}
