package ai.lumigator.workflows.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the worker and the API, bound from {@code lumigator.*} (see lumigator.yaml;
 * every key has an environment override documented in the README).
 */
@ConfigurationProperties("lumigator")
public record LumigatorProperties(
    @DefaultValue Database database,
    @DefaultValue S3 s3,
    @DefaultValue Ray ray,
    @DefaultValue Jobs jobs) {

  public record Database(
      @DefaultValue("jdbc:sqlite:.lumigator/lumigator.db") String url,
      String username,
      String password,
      @DefaultValue("8") int maxPoolSize) {
    @Override
    public String toString() {
      return "Database[url=" + url + ", username=" + username + ", password=****]";
    }
  }

  public record S3(
      URI endpoint,
      @DefaultValue("us-east-1") String region,
      @DefaultValue("lumigator") String bucket,
      String accessKey,
      String secretKey,
      @DefaultValue("3600s") Duration presignTtl) {
    @Override
    public String toString() {
      return "S3[endpoint="
          + endpoint
          + ", bucket="
          + bucket
          + ", accessKey="
          + accessKey
          + ", secretKey=****]";
    }
  }

  /**
   * @param pollInterval the longest wait between two questions of the await activity to Ray about a
   *     job's status (reached when the status has not changed for twenty times as long)
   * @param minPollInterval the wait right after the status changed
   * @param heartbeatTimeout a few poll intervals: a worker that died mid-poll is noticed this fast
   * @param pendingPollInterval the longest wait while Ray keeps a job pending (queued for CPUs);
   *     the wait also ends when another job watched by the same worker ends
   */
  public record Ray(
      @DefaultValue("http://127.0.0.1:8265") URI url,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("5s") Duration pendingPollInterval,
      @DefaultValue("100ms") Duration minPollInterval,
      @DefaultValue("10s") Duration heartbeatTimeout) {}

  /**
   * @param jar the runnable jobs jar shipped to Ray as the job's working_dir
   * @param javaOptions JVM options of the job program on Ray
   * @param numCpus CPUs Ray reserves for each job program: jobs wait in Ray's queue for free CPUs
   *     rather than all running at once on too few; 0 reserves none
   * @param classDataSharing job programs start from a class-data archive recorded by the first job
   *     of a package on each node: about half the CPU of a small job
   * @param s3RetryWindow how long a job program's reads of the object store wait out an outage (its
   *     results writes wait up to the job's timeout)
   */
  public record Jobs(
      @DefaultValue("jobs/target/lumigator-jobs-0.1.0-SNAPSHOT-all.jar") Path jar,
      @DefaultValue("-Xmx512m -XX:+UseSerialGC") String javaOptions,
      @DefaultValue("1") double numCpus,
      @DefaultValue("true") boolean classDataSharing,
      @DefaultValue("2m") Duration s3RetryWindow) {}
}
