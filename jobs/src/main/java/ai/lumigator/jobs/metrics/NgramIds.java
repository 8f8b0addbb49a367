package ai.lumigator.jobs.metrics;

/**
 * Numbers the distinct n-grams of token-id sequences: a 1-gram's id is its token id (below {@code
 * vocabulary}), and an n-gram's id is assigned to the pair (id of its first n-1 tokens, its last
 * token), from {@code vocabulary} upwards. Ids of different orders never collide, so one counts
 * array indexed by id serves all orders. One instance serves one sample.
 */
final class NgramIds {

  private long[] keys;
  private int[] ids;
  private int mask;
  private int next;
  private int used;

  NgramIds(int vocabulary, int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    ids = new int[cap];
    mask = cap - 1;
    next = vocabulary;
  }

  /** One past the largest id assigned (the size a counts array needs). */
  int size() {
    return next;
  }

  /**
   * Ids of the n-grams of {@code tokens} of one order, given {@code shorter}, the ids of the
   * (n-1)-grams (for n = 2, the tokens themselves): element i is the n-gram starting at i.
   */
  int[] extend(int[] shorter, int[] tokens, int order) {
    int count = Math.max(0, tokens.length - order + 1);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = id(((long) shorter[i] << 32) | tokens[i + order - 1]);
    }
    return out;
  }

  private int id(long pair) {
    long key = pair + 1; // 0 marks an empty slot; pairs are non-negative
    int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return ids[slot];
      }
      if (k == 0) {
        keys[slot] = key;
        ids[slot] = next;
        if (++used * 2 > keys.length) {
          grow();
        }
        return next++;
      }
      slot = (slot + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[keys.length];
    mask = keys.length - 1;
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != 0) {
        int slot = (int) ((oldKeys[s] * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (keys[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[s];
        ids[slot] = oldIds[s];
      }
    }
  }

  /**
   * Clipped matches: the sum over n-grams of min(count in {@code hyp}, {@code refCounts}), where
   * {@code refCounts} (indexed by id) is consumed.
   */
  static int clippedMatches(int[] hyp, int[] refCounts) {
    int matches = 0;
    for (int g : hyp) {
      if (refCounts[g] > 0) {
        refCounts[g]--;
        matches++;
      }
    }
    return matches;
  }
}
