package ai.lumigator.jobs.metrics.text;

import java.util.Arrays;

/**
 * Numbers distinct tokens 0, 1, 2, ... in order of first appearance, so the metrics can compare and
 * count ints instead of strings. A token is a range of a char array (no substring is made) or a
 * string. One instance serves one sample at a time ({@link #clear} between samples): it is not
 * thread-safe.
 */
public final class TokenIds {

  private char[] pool = new char[512];
  private int poolSize;
  private int[] starts = new int[64];
  private int[] lengths = new int[64];
  private int[] hashes = new int[64];
  private int size;
  private int[] table = new int[128]; // id + 1, 0 = empty
  private int mask = 127;

  /** Number of distinct tokens seen. */
  public int size() {
    return size;
  }

  /**
   * Forgets every token, so the instance can serve the next sample; keeps its buffers unless one
   * sample made them large.
   */
  public void clear() {
    if (table.length > 1 << 12 || pool.length > 1 << 14) {
      pool = new char[512];
      starts = new int[64];
      lengths = new int[64];
      hashes = new int[64];
      table = new int[128];
      mask = 127;
    } else {
      Arrays.fill(table, 0);
    }
    size = 0;
    poolSize = 0;
  }

  /** The id of {@code chars[start, end)}, assigning the next one if it is new. */
  public int id(char[] chars, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + chars[i];
    }
    h ^= h >>> 16;
    int len = end - start;
    int slot = h & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return add(chars, start, len, h, slot);
      }
      int id = e - 1;
      if (hashes[id] == h && lengths[id] == len && same(starts[id], chars, start, len)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Whether the pooled token at {@code at} equals {@code chars[start, start + len)}: a plain loop,
   * as tokens are short and {@code Arrays.equals}' vectorized mismatch costs more to set up.
   */
  private boolean same(int at, char[] chars, int start, int len) {
    char[] p = pool;
    for (int i = 0; i < len; i++) {
      if (p[at + i] != chars[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** The id of {@code token}. */
  public int id(String token) {
    char[] chars = token.toCharArray();
    return id(chars, 0, chars.length);
  }

  private int add(char[] chars, int start, int len, int h, int slot) {
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(chars, start, pool, poolSize, len);
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    int id = size++;
    starts[id] = poolSize;
    lengths[id] = len;
    hashes[id] = h;
    poolSize += len;
    table[slot] = id + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = id + 1;
    }
  }
}
