package ai.lumigator.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import ai.lumigator.activities.TaskQueues;
import ai.lumigator.activities.cache.CacheLookup;
import ai.lumigator.activities.cache.CacheLookupResult;
import ai.lumigator.activities.cache.CacheStore;
import ai.lumigator.activities.cache.InferenceCacheActivities;
import ai.lumigator.activities.datasets.DatasetIngestRequest;
import ai.lumigator.activities.jobs.JobActivities;
import ai.lumigator.activities.jobs.RayJobActivities;
import ai.lumigator.activities.jobs.RayJobHandle;
import ai.lumigator.activities.jobs.RayJobOutcome;
import ai.lumigator.activities.jobs.RayJobSubmission;
import ai.lumigator.activities.jobs.RecordJobOutcome;
import ai.lumigator.activities.jobs.SaveJobLogs;
import ai.lumigator.activities.jobs.SaveJobResult;
import ai.lumigator.workflows.WorkflowIds;
import ai.lumigator.workflows.jobs.JobWorkflowTest.RecordingIngest;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The inference cache in JobWorkflowImpl, on the in-memory server with mocked Ray and job
 * activities and an in-memory cache that behaves as the S3 one does (an entry per key, written by a
 * job that succeeded on Ray).
 */
class JobWorkflowCacheTest {
  static final String FIRST = "11111111-1111-1111-1111-111111111111";
  static final String SECOND = "33333333-3333-3333-3333-333333333333";
  static final String KEY = "a".repeat(64);

  /** Entries by key: the job whose results they are. */
  public static class MemoryCache implements InferenceCacheActivities {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    final List<CacheLookup> lookups = new CopyOnWriteArrayList<>();
    final List<CacheStore> stores = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;

    @Override
    public CacheLookupResult lookup(CacheLookup request) {
      lookups.add(request);
      if (failure != null) throw failure;
      String source = request.useCache() ? entries.get(request.cacheKey()) : null;
      return source == null ? CacheLookupResult.miss() : new CacheLookupResult(true, source);
    }

    @Override
    public void store(CacheStore request) {
      stores.add(request);
      if (failure != null) throw failure;
      entries.put(request.cacheKey(), request.jobId());
    }
  }

  private TestWorkflowEnvironment env;
  private RayJobActivities ray;
  private JobActivities io;
  private MemoryCache cache;

  @BeforeEach
  void setUp() {
    RecordingIngest.requests.clear();
    RecordingIngest.failure = null;
    env = TestWorkflowEnvironment.newInstance();
    for (String a :
        List.of("LumigatorJobId", "LumigatorJobType", "LumigatorDatasetId", "LumigatorModel")) {
      env.registerSearchAttribute(a, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    ray = mock(RayJobActivities.class, withSettings().withoutAnnotations());
    io = mock(JobActivities.class, withSettings().withoutAnnotations());
    cache = new MemoryCache();
    Worker orchestration = env.newWorker(TaskQueues.ORCHESTRATION);
    orchestration.registerWorkflowImplementationTypes(JobWorkflowImpl.class, RecordingIngest.class);
    orchestration.registerActivitiesImplementations(io);
    env.newWorker(TaskQueues.IO).registerActivitiesImplementations(io, cache);
    env.newWorker(TaskQueues.RAY).registerActivitiesImplementations(ray);
    env.start();
    when(ray.submit(any())).thenAnswer(inv -> new RayJobHandle("x", "java ...", false));
    when(ray.await(any()))
        .thenAnswer(
            inv ->
                new RayJobOutcome(
                    ((ai.lumigator.activities.jobs.AwaitRayJob) inv.getArgument(0)).jobId(),
                    "succeeded",
                    null,
                    null,
                    1L,
                    2L,
                    0,
                    false));
    when(io.saveResult(any())).thenReturn(true);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  static String results(String jobId) {
    return "jobs/results/" + jobId + "/results.json";
  }

  static JobRequest request(String jobId, boolean useCache, GeneratedDatasetSpec generated) {
    return new JobRequest(
        jobId,
        "inference",
        "inference",
        "{\"name\":\"j/" + jobId + "\"}",
        null,
        "22222222-2222-2222-2222-222222222222",
        "lead-3",
        results(jobId),
        3600,
        10,
        generated,
        new InferenceCacheSpec(KEY, useCache));
  }

  private JobResult run(JobRequest request) {
    return env.getWorkflowClient()
        .newWorkflowStub(JobWorkflow.class, JobWorkflows.options(request))
        .run(request);
  }

  @Test
  void theSecondIdenticalJobIsServedFromTheCacheWithoutRay() throws Exception {
    GeneratedDatasetSpec predictions =
        new GeneratedDatasetSpec("d-lead-3-predictions.csv", "predictions", "lead-3");
    JobResult first = run(request(FIRST, true, predictions));
    JobResult second = run(request(SECOND, true, predictions));

    assertThat(first.status()).isEqualTo("succeeded");
    assertThat(second.status()).isEqualTo("succeeded");
    ArgumentCaptor<RayJobSubmission> submitted = ArgumentCaptor.forClass(RayJobSubmission.class);
    verify(ray, times(1)).submit(submitted.capture());
    assertThat(submitted.getValue().submissionId()).isEqualTo(FIRST);
    verify(ray, times(1)).await(any());
    // the first one's predictions kept once it succeeded; the hit keeps nothing
    assertThat(cache.stores)
        .containsExactly(
            new CacheStore(FIRST, KEY, results(FIRST), request(FIRST, true, null).datasetId()));
    assertThat(cache.lookups)
        .extracting(CacheLookup::jobId, CacheLookup::resultsKey, CacheLookup::configJson)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                FIRST, results(FIRST), "{\"name\":\"j/" + FIRST + "\"}"),
            org.assertj.core.groups.Tuple.tuple(
                SECOND, results(SECOND), "{\"name\":\"j/" + SECOND + "\"}"));
    // the rest of the job's end as after Ray: result summary, predictions dataset, outcome
    verify(io).saveResult(new SaveJobResult(SECOND, results(SECOND)));
    String dataset = JobWorkflow.generatedDatasetId(SECOND);
    assertThat(RecordingIngest.requests)
        .contains(
            DatasetIngestRequest.fromJobResults(
                dataset,
                results(SECOND),
                "predictions",
                "d-lead-3-predictions.csv",
                SECOND,
                "lead-3"));
    verify(io).recordOutcome(new RecordJobOutcome(SECOND, "succeeded", null, null, dataset));
    verify(io, never()).saveLogs(new SaveJobLogs(SECOND, SECOND));
    assertThat(second.generatedDatasetId()).isEqualTo(dataset);
    keepHistory(SECOND, "job-inference-cache-hit.json");
    keepHistory(FIRST, "job-inference-cache-miss.json");
  }

  @Test
  void useCacheFalseRunsOnRayAndItsPredictionsReplaceTheEntry() {
    cache.entries.put(KEY, "an earlier job");

    JobResult result = run(request(SECOND, false, null));

    assertThat(result.status()).isEqualTo("succeeded");
    verify(ray).submit(any());
    assertThat(cache.lookups).extracting(CacheLookup::useCache).containsExactly(false);
    assertThat(cache.entries).containsEntry(KEY, SECOND);
  }

  @Test
  void aCacheThatCannotBeReadOrWrittenLeavesTheJobToRayAndSucceeds() {
    cache.failure = ApplicationFailure.newNonRetryableFailure("S3 says no", "StorageFailure");

    JobResult result = run(request(FIRST, true, null));

    assertThat(result.status()).isEqualTo("succeeded");
    verify(ray).submit(any());
    assertThat(cache.stores).hasSize(1);
    verify(io)
        .recordOutcome(
            new RecordJobOutcome(
                FIRST,
                "succeeded",
                new RayJobOutcome(FIRST, "succeeded", null, null, 1L, 2L, 0, false),
                null,
                null));
  }

  @Test
  void aJobThatFailsOnRayKeepsNothing() {
    when(io.saveResult(any())).thenReturn(false);

    JobResult result = run(request(FIRST, true, null));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(cache.stores).isEmpty();
  }

  /** The histories the replay test replays (copied from target/histories to the resources). */
  private void keepHistory(String jobId, String file) throws Exception {
    Path dir = Path.of("target", "histories");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(file),
        env.getWorkflowClient().fetchHistory(WorkflowIds.job(jobId)).toJson(true));
  }
}
