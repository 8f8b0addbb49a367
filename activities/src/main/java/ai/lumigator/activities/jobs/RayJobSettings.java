package ai.lumigator.activities.jobs;

import java.nio.file.Path;

/**
 * @param jobsJar the runnable jobs jar, shipped to Ray as the job's working_dir
 * @param javaOptions JVM options of the job program
 * @param polls how often the await activity asks Ray for the job's status
 * @param numCpus CPUs Ray reserves for each job program ({@code entrypoint_num_cpus}), so jobs
 *     queue in Ray instead of overloading a node; 0 reserves none
 * @param classDataSharing job programs start from a class-data archive the first job of a package
 *     records in its working_dir (see {@link Entrypoints})
 */
public record RayJobSettings(
    Path jobsJar,
    String javaOptions,
    PollSchedule polls,
    double numCpus,
    boolean classDataSharing) {
  public RayJobSettings {
    if (numCpus < 0) throw new IllegalArgumentException("numCpus must be >= 0, was " + numCpus);
  }
}
