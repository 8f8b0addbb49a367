package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.jobs.config.JobPaths;
import ai.lumigator.jobs.storage.LocalObjectStore;
import ai.lumigator.jobs.storage.S3Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceChunksTest {
  static final String JOB = "job-1";
  static final String BUCKET = "lumigator";

  @TempDir Path root;

  LocalObjectStore store() {
    return new LocalObjectStore(root);
  }

  static Completion c(int i) {
    return new Completion("p" + i, new TokenUsage(i, 1, i + 1), 10.0 + i);
  }

  Path chunkFile(int first, int last) {
    return store().fileOf(new S3Location(BUCKET, JobPaths.inferenceChunkKey(JOB, first, last)));
  }

  @Test
  void writesABlockOnlyOnceItAndAllBeforeItAreFinished() {
    InferenceChunks chunks = new InferenceChunks(store(), BUCKET, JOB, 4, 10);
    assertThat(chunks.resume()).isEmpty();
    for (int i : new int[] {1, 2, 3, 5, 6, 7}) chunks.completed(i, c(i)); // 0 and 4 still running
    assertThat(chunks.kept()).isEmpty();
    chunks.completed(0, c(0));
    assertThat(chunkFile(0, 3)).exists();
    assertThat(chunkFile(4, 7)).doesNotExist();
    chunks.completed(4, c(4));
    assertThat(chunkFile(4, 7)).exists();
    chunks.completed(8, c(8));
    chunks.completed(9, c(9));
    assertThat(chunkFile(8, 9)).doesNotExist(); // the job's end: results.json follows
    assertThat(chunks.kept()).hasSize(2);
  }

  @Test
  void aLaterRunResumesFromTheChunksKeepingEverySampleField() {
    InferenceChunks first = new InferenceChunks(store(), BUCKET, JOB, 4, 10);
    first.resume();
    IntStream.range(0, 9).forEach(i -> first.completed(i, c(i))); // killed before sample 9

    InferenceChunks second = new InferenceChunks(store(), BUCKET, JOB, 4, 10);
    List<Completion> resumed = second.resume();
    assertThat(resumed)
        .containsExactlyElementsOf(IntStream.range(0, 8).mapToObj(i -> c(i)).toList());
    second.completed(8, c(8));
    second.completed(9, c(9));
    assertThat(second.kept()).hasSize(2);
    second.deleteAll();
    assertThat(chunkFile(0, 3)).doesNotExist();
    assertThat(chunkFile(4, 7)).doesNotExist();
    assertThat(new InferenceChunks(store(), BUCKET, JOB, 4, 10).resume()).isEmpty();
  }

  @Test
  void resumeStopsAtAGapOrAnUnreadableOrForeignChunk() throws Exception {
    InferenceChunks first = new InferenceChunks(store(), BUCKET, JOB, 2, 8);
    first.resume();
    IntStream.range(0, 8).forEach(i -> first.completed(i, c(i)));
    Files.delete(chunkFile(2, 3)); // a write that failed
    assertThat(new InferenceChunks(store(), BUCKET, JOB, 2, 8).resume()).hasSize(2);

    Files.writeString(chunkFile(0, 1), "{not json", StandardCharsets.UTF_8);
    assertThat(new InferenceChunks(store(), BUCKET, JOB, 2, 8).resume()).isEmpty();
  }

  @Test
  void anotherChunkSizeStartsFromZeroInsteadOfMixingGrids() {
    InferenceChunks first = new InferenceChunks(store(), BUCKET, JOB, 2, 8);
    first.resume();
    IntStream.range(0, 8).forEach(i -> first.completed(i, c(i)));
    assertThat(new InferenceChunks(store(), BUCKET, JOB, 3, 8).resume()).isEmpty();
    assertThat(new InferenceChunks(store(), BUCKET, JOB, 2, 8).resume()).hasSize(6);
  }

  @Test
  void aChunkWriteThatFailsCostsOnlyResumability() {
    InferenceChunks chunks = new InferenceChunks(failingWrites(false), BUCKET, JOB, 2, 6);
    chunks.resume();
    IntStream.range(0, 6).forEach(i -> chunks.completed(i, c(i)));
    assertThat(chunks.kept()).isEmpty();
    assertThat(chunkFile(0, 1)).doesNotExist();
  }

  @Test
  void aChunkWhoseWriteTimedOutAfterTheStoreTookItIsRemovedWithTheRest() {
    InferenceChunks chunks = new InferenceChunks(failingWrites(true), BUCKET, JOB, 2, 6);
    chunks.resume();
    IntStream.range(0, 6).forEach(i -> chunks.completed(i, c(i)));
    assertThat(chunkFile(0, 1)).exists();
    assertThat(chunkFile(2, 3)).exists();
    chunks.deleteAll();
    assertThat(chunkFile(0, 1)).doesNotExist();
    assertThat(chunkFile(2, 3)).doesNotExist();
  }

  /**
   * The local store whose every write fails; with {@code storedAnyway} the write is made first (an
   * answer that came too late).
   */
  ai.lumigator.jobs.storage.ObjectStore failingWrites(boolean storedAnyway) {
    LocalObjectStore real = store();
    return new ai.lumigator.jobs.storage.ObjectStore() {
      @Override
      public java.io.InputStream open(S3Location l) {
        return real.open(l);
      }

      @Override
      public void put(S3Location l, byte[] b, String t) {
        if (storedAnyway) real.put(l, b, t);
        throw new ai.lumigator.jobs.storage.StorageException("store down", null);
      }

      @Override
      public void put(S3Location l, Path f, String t) {
        throw new ai.lumigator.jobs.storage.StorageException("store down", null);
      }

      @Override
      public void delete(S3Location l) {
        real.delete(l);
      }
    };
  }
}
