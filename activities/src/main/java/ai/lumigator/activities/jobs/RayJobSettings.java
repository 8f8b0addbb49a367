package ai.lumigator.activities.jobs;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param jobsJar the runnable jobs jar, shipped to Ray as the job's working_dir
 * @param javaOptions JVM options of the job program
 * @param pollInterval how often the await activity asks Ray for the job's status
 */
public record RayJobSettings(Path jobsJar, String javaOptions, Duration pollInterval) {}
