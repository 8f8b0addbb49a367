package ai.lumigator.jobs.inference;

import ai.lumigator.jobs.JobLog;
import ai.lumigator.jobs.config.JobConfigJson;
import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.storage.ObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import ai.lumigator.jobs.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The finished samples of one inference job, kept in S3 as it runs so that a retry of the job (its
 * program killed, say) predicts only what is missing. Samples {@code 0..total-1} are cut into
 * blocks of {@code size} on a fixed grid ({@code [0, size-1], [size, 2*size-1], ...}, the last one
 * shorter); a block is written ({@link JobPaths#inferenceChunkKey}) once it and every block before
 * it are finished, so the chunks present are always a prefix of the grid and their keys are known
 * without listing the store. The last block is not written: the job's results follow it.
 *
 * <p>Chunks are best-effort: a write is one quick attempt ({@link ObjectStore#putOnce}), and a
 * failed one costs only resumability (a later retry stops at the gap), never the job's time or
 * success. Thread-safe.
 */
final class InferenceChunks {
  /**
   * Samples per chunk by default: one small PUT per 16 provider calls, and a killed job re-pays at
   * most 15 + its in-flight calls.
   */
  static final int DEFAULT_SIZE = 16;

  private final ObjectStore store;
  private final String bucket;
  private final String jobId;
  private final int size;
  private final int total;
  private final Completion[] done;
  private final List<S3Location> kept = new ArrayList<>();
  // kept, and the chunks whose write failed: one that timed out may have been stored all the same
  private final List<S3Location> touched = new ArrayList<>();
  private int contiguous; // samples 0..contiguous-1 are finished
  private int nextChunk; // first sample of the next block to write

  InferenceChunks(ObjectStore store, String bucket, String jobId, int size, int total) {
    if (size < 1) throw new IllegalArgumentException("chunk size must be >= 1, got " + size);
    this.store = store;
    this.bucket = bucket;
    this.jobId = jobId;
    this.size = size;
    this.total = total;
    this.done = new Completion[total];
  }

  /**
   * Reads the chunks an earlier run of the job left, from sample 0 up to the first one missing or
   * unreadable, and returns their samples (the first {@code N}, in order).
   */
  synchronized List<Completion> resume() {
    List<Completion> out = new ArrayList<>();
    // the block that ends the job is never written: a job of one block asks the store nothing
    while (lastOf(out.size()) < total - 1) {
      int first = out.size();
      int last = lastOf(first);
      S3Location at = location(first, last);
      InferenceChunk chunk = read(at);
      if (chunk == null) break;
      if (chunk.first() != first || chunk.last() != last || !chunk.complete()) {
        JobLog.warn("chunk " + at + " does not hold samples " + first + "-" + last + "; ignored");
        break;
      }
      chunk.samples().forEach(s -> out.add(s.completion()));
      kept.add(at);
      touched.add(at);
    }
    for (int i = 0; i < out.size(); i++) done[i] = out.get(i);
    contiguous = out.size();
    nextChunk = out.size();
    return out;
  }

  /**
   * Sample {@code index} (0-based, of all samples) is finished: writes the blocks this completes.
   */
  synchronized void completed(int index, Completion completion) {
    done[index] = completion;
    while (contiguous < total && done[contiguous] != null) contiguous++;
    while (nextChunk < total && lastOf(nextChunk) < contiguous) {
      int first = nextChunk;
      int last = lastOf(first);
      // the block that ends the job is not kept: results.json follows at once (and a job of at
      // most one block costs the store nothing more)
      if (last < total - 1) write(first, last);
      nextChunk = last + 1;
    }
  }

  /**
   * Removes the chunks this run read or wrote, last first, so that an interruption leaves a prefix
   * a retry can still use. Call once results.json is written; failures are logged, not raised.
   */
  synchronized void deleteAll() {
    for (int i = touched.size() - 1; i >= 0; i--) {
      try {
        store.delete(touched.get(i));
      } catch (RuntimeException e) {
        JobLog.warn("could not remove chunk " + touched.get(i) + ": " + e.getMessage());
      }
    }
    kept.clear();
    touched.clear();
  }

  /** The chunks present (read or written) and not removed. */
  synchronized List<S3Location> kept() {
    return List.copyOf(kept);
  }

  private int lastOf(int first) {
    return Math.min(first + size, total) - 1;
  }

  private S3Location location(int first, int last) {
    return new S3Location(bucket, JobPaths.inferenceChunkKey(jobId, first, last));
  }

  private void write(int first, int last) {
    List<InferenceChunk.Sample> samples = new ArrayList<>(last - first + 1);
    for (int i = first; i <= last; i++) samples.add(InferenceChunk.Sample.of(done[i]));
    S3Location at = location(first, last);
    try {
      byte[] json =
          JobConfigJson.toJson(new InferenceChunk(first, last, samples))
              .getBytes(StandardCharsets.UTF_8);
      touched.add(at);
      store.putOnce(at, json, "application/json");
      kept.add(at);
    } catch (RuntimeException e) {
      JobLog.warn("could not write chunk " + at + " (a retry would redo it): " + e.getMessage());
    }
  }

  private InferenceChunk read(S3Location at) {
    try (InputStream in = store.open(at)) {
      return JobConfigJson.mapper().readValue(in, InferenceChunk.class);
    } catch (StorageException e) {
      if (!e.notFound()) JobLog.warn("could not read chunk " + at + ": " + e.getMessage());
      return null;
    } catch (IOException | RuntimeException e) {
      JobLog.warn("chunk " + at + " is not readable (" + e.getMessage() + "); ignored");
      return null;
    }
  }
}
