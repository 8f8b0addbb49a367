package ai.lumigator.jobs.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Predicts a list of examples with at most {@code concurrency} requests in flight, and returns the
 * completions in input order.
 *
 * <p>Failure rule: a sample whose request still fails after the client's retries fails the whole
 * run (fail fast). The remaining requests are cancelled and an {@link InferenceException} names the
 * sample (1-based, in input order) and the cause. Partial predictions are never written: a
 * predictions dataset with holes would silently skew every metric computed on it.
 */
public final class InferenceRunner {
  private InferenceRunner() {}

  public static List<Completion> run(
      ModelClient client, List<String> examples, int concurrency, Runnable onSampleDone) {
    return run(client, examples, 0, concurrency, (i, c) -> onSampleDone.run());
  }

  /**
   * Predicts {@code examples[from..]} (a resumed job has the first ones already) and returns their
   * completions in order; {@code onSampleDone} is told each finished sample's index in {@code
   * examples} and its completion, on the calling thread. Failures name samples by their place in
   * {@code examples}.
   */
  public static List<Completion> run(
      ModelClient client,
      List<String> examples,
      int from,
      int concurrency,
      BiConsumer<Integer, Completion> onSampleDone) {
    int n = examples.size() - from;
    Completion[] out = new Completion[n];
    if (n <= 0) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(concurrency, n));
    if (threads == 1) {
      for (int i = 0; i < n; i++) {
        out[i] = predict(client, examples, from + i);
        onSampleDone.accept(from + i, out[i]);
      }
      return Arrays.asList(out);
    }
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "inference-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < n; i++) {
        final int idx = i;
        done.submit(
            () -> {
              out[idx] = predict(client, examples, from + idx);
              return idx;
            });
      }
      for (int k = 0; k < n; k++) {
        try {
          int idx = done.take().get();
          onSampleDone.accept(from + idx, out[idx]);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new InferenceException("inference failed: " + cause, cause);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InferenceException("inference interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    return new ArrayList<>(Arrays.asList(out));
  }

  private static Completion predict(ModelClient client, List<String> examples, int i) {
    try {
      return client.complete(examples.get(i));
    } catch (InferenceException e) {
      throw new InferenceException(
          "sample " + (i + 1) + " of " + examples.size() + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InferenceException(
          "sample " + (i + 1) + " of " + examples.size() + " failed: " + e, e);
    }
  }
}
