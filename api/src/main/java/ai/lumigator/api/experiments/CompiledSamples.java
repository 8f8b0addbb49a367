package ai.lumigator.api.experiments;

import ai.lumigator.activities.storage.S3Storage;
import ai.lumigator.activities.storage.StorageException;
import ai.lumigator.api.errors.UpstreamException;
import ai.lumigator.persistence.workflows.WorkflowRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one reader of workflows' per-sample results (the samples page and the leaderboard's
 * statistics), with a bounded cache by workflow id: a succeeded workflow's compiled.json never
 * changes. Scores and texts are cached apart, each within an eighth of the heap, so a large
 * experiment's texts (its examples are the dataset's rows) never push out the scores the
 * leaderboard needs.
 */
@Component
class CompiledSamples {
  private static final Logger log = LoggerFactory.getLogger(CompiledSamples.class);

  /** Opens a compiled.json by key; {@link S3Storage#openStream} in production. */
  interface Opener {
    InputStream open(String key);
  }

  private final Opener opener;
  private final Lru scores;
  private final Lru withTexts;

  @Autowired
  CompiledSamples(S3Storage storage) {
    this(storage::openStream, Runtime.getRuntime().maxMemory() / 8);
  }

  CompiledSamples(Opener opener, long budgetBytes) {
    this.opener = opener;
    this.scores = new Lru(budgetBytes, WorkflowSamples::scoreBytes);
    this.withTexts = new Lru(budgetBytes, s -> s.texts().chars());
  }

  /**
   * The scores of a succeeded workflow (texts may be empty); empty when it has no compiled.json.
   *
   * @throws UpstreamException when S3 cannot be read
   */
  Optional<WorkflowSamples> scores(WorkflowRow w) {
    WorkflowSamples hit = scores.get(w.id());
    return hit != null ? Optional.of(hit) : read(w);
  }

  /** As {@link #scores}, with the predictions, ground truth and examples. */
  Optional<WorkflowSamples> withTexts(WorkflowRow w) {
    WorkflowSamples hit = withTexts.get(w.id());
    return hit != null ? Optional.of(hit) : read(w);
  }

  private Optional<WorkflowSamples> read(WorkflowRow w) {
    if (w.compiledKey() == null) return Optional.empty();
    long started = System.nanoTime();
    WorkflowSamples samples;
    try (InputStream in = opener.open(w.compiledKey())) {
      samples = WorkflowSamples.read(w.id(), in);
    } catch (StorageException e) {
      if (e.isNotFound()) return Optional.empty();
      throw new UpstreamException("S3", e.getMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("compiled.json of workflow " + w.id() + " unreadable", e);
    } catch (IOException | SdkException e) {
      throw new UpstreamException("S3", "reading " + w.compiledKey() + " failed: " + e, e);
    }
    // keep one copy of the scores (and what was derived from them) for both caches
    WorkflowSamples cachedScores = scores.get(w.id());
    if (cachedScores != null) {
      samples =
          new WorkflowSamples(
              w.id(),
              cachedScores.scores(),
              cachedScores.meanKeys(),
              samples.texts(),
              cachedScores.derived());
    } else {
      scores.put(w.id(), samples.withoutTexts());
    }
    withTexts.put(w.id(), samples);
    log.info(
        "Read the samples of workflow {} ({} samples, {} keys) in {} ms",
        w.id(),
        samples.size(),
        samples.scores().size(),
        (System.nanoTime() - started) / 1_000_000);
    return Optional.of(samples);
  }

  /** Least recently used first out, bounded by an estimate of the heap its values hold. */
  private static final class Lru {
    private final long budget;
    private final ToLongFunction<WorkflowSamples> weight;
    private final LinkedHashMap<String, WorkflowSamples> map = new LinkedHashMap<>(16, 0.75f, true);
    private long total;

    Lru(long budget, ToLongFunction<WorkflowSamples> weight) {
      this.budget = budget;
      this.weight = weight;
    }

    synchronized WorkflowSamples get(String id) {
      return map.get(id);
    }

    synchronized void put(String id, WorkflowSamples value) {
      long w = weight.applyAsLong(value);
      if (w > budget) return;
      WorkflowSamples old = map.put(id, value);
      if (old != null) total -= weight.applyAsLong(old);
      total += w;
      var it = map.entrySet().iterator();
      while (total > budget && it.hasNext()) {
        Map.Entry<String, WorkflowSamples> eldest = it.next();
        if (eldest.getKey().equals(id)) continue;
        total -= weight.applyAsLong(eldest.getValue());
        it.remove();
      }
    }
  }
}
