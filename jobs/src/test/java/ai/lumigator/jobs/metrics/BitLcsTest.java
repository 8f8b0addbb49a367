package ai.lumigator.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BitLcs} against the dynamic program, cell by cell. */
class BitLcsTest {

  private static int[][] dp(int[] r, int[] c) {
    int[][] t = new int[r.length + 1][c.length + 1];
    for (int i = 1; i <= r.length; i++) {
      for (int j = 1; j <= c.length; j++) {
        t[i][j] = r[i - 1] == c[j - 1] ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t;
  }

  private static int[] random(Random random, int n, int vocabulary) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextInt(vocabulary);
    }
    return out;
  }

  @Test
  void everyCellEqualsTheDynamicProgram() {
    Random random = new Random(11);
    int[] sizes = {0, 1, 2, 5, 31, 63, 64, 65, 100, 127, 128, 129, 200};
    for (int round = 0; round < 400; round++) {
      int[] r = random(random, sizes[random.nextInt(sizes.length)], 1 + random.nextInt(12));
      int[] c = random(random, sizes[random.nextInt(sizes.length)], 1 + random.nextInt(12));
      int[][] expected = dp(r, c);
      BitLcs table = BitLcs.table(r, c);
      for (int i = 0; i <= r.length; i++) {
        for (int j = 0; j <= c.length; j++) {
          assertThat(table.cell(i, j)).as("cell %d,%d", i, j).isEqualTo(expected[i][j]);
        }
      }
      assertThat(BitLcs.length(r, c)).isEqualTo(expected[r.length][c.length]);
    }
  }
}
