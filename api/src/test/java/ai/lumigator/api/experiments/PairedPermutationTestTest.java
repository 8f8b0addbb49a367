package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class PairedPermutationTestTest {
  static final double[] A = {0.5, 0.75, 0.25, 1.0, 0.6, 0.3, 0.9, 0.45, 0.8, 0.55};
  static final double[] B = {0.4, 0.70, 0.35, 0.6, 0.5, 0.1, 0.7, 0.45, 0.5, 0.65};

  @Test
  void exactEnumerationMatchesScipy() {
    // scipy.stats.permutation_test((A, B), lambda x, y, axis: np.mean(x - y, axis=axis),
    //   permutation_type='samples', alternative='two-sided', n_resamples=100000)
    //   → statistic 0.11499999999999999, pvalue 0.0703125 (exact: 2^10 ≤ n_resamples)
    PairedPermutationTest.Result r = PairedPermutationTest.test(A, B, 1024, 0);
    assertThat(r.exact()).isTrue();
    assertThat(r.difference()).isCloseTo(0.115, offset(1e-12));
    assertThat(r.pValue()).isEqualTo(0.0703125);
    assertThat(PairedPermutationTest.test(B, A, 100_000, 9).pValue()).isEqualTo(0.0703125);
  }

  @Test
  void handWorkedTiesAndIdenticalScores() {
    // differences [1,0,0,1,0,0,1,0]: |mean| ≥ 3/8 only when the three non-zero signs agree,
    // 2 of 8 sign patterns → 0.25 (scipy, same call with n_resamples=1000: 0.25)
    double[] a = {1, 0, 1, 1, 1, 0, 1, 1};
    double[] b = {0, 0, 1, 0, 1, 0, 0, 1};
    PairedPermutationTest.Result r = PairedPermutationTest.test(a, b, 1000, 0);
    assertThat(r.pValue()).isEqualTo(0.25);
    assertThat(r.difference()).isEqualTo(0.375);
    // identical scores: every pattern ties the observed 0
    assertThat(PairedPermutationTest.test(a, a, 1000, 0).pValue()).isEqualTo(1.0);
    // Monte Carlo on identical scores: (1 + B) / (1 + B)
    double[] many = StatisticsVectors.X;
    assertThat(PairedPermutationTest.test(many, many, 500, 0).pValue()).isEqualTo(1.0);
  }

  @Test
  void monteCarloAgreesWithScipyAndHasThePlusOneCorrection() {
    // scipy.stats.permutation_test((x, y), ..., permutation_type='samples', n_resamples=99999,
    //   random_state=3) → statistic -0.0075951367703356665, pvalue 0.57942
    PairedPermutationTest.Result r =
        PairedPermutationTest.test(StatisticsVectors.X, StatisticsVectors.Y, 99_999, 0);
    assertThat(r.exact()).isFalse();
    assertThat(r.difference()).isCloseTo(-0.0075951367703356665, offset(1e-12));
    assertThat(r.pValue()).isCloseTo(0.57942, offset(0.01));
    // p is (1 + hits) / (1 + resamples): a multiple of 1/1001, never 0
    PairedPermutationTest.Result far =
        PairedPermutationTest.test(plus(StatisticsVectors.X, 1), StatisticsVectors.X, 1000, 0);
    assertThat(far.pValue()).isEqualTo(1.0 / 1001);
  }

  @Test
  void pairsReuseEachWorkflowsSignedSumsWithTheSameResult() {
    double[] sx = PairedPermutationTest.signedSums(StatisticsVectors.X, 2000, 4);
    double[] sy = PairedPermutationTest.signedSums(StatisticsVectors.Y, 2000, 4);
    assertThat(PairedPermutationTest.monteCarlo(StatisticsVectors.X, StatisticsVectors.Y, sx, sy))
        .isEqualTo(PairedPermutationTest.test(StatisticsVectors.X, StatisticsVectors.Y, 2000, 4));
    assertThat(PairedPermutationTest.test(StatisticsVectors.X, StatisticsVectors.Y, 2000, 4))
        .isEqualTo(PairedPermutationTest.test(StatisticsVectors.X, StatisticsVectors.Y, 2000, 4));
  }

  static double[] plus(double[] x, double d) {
    double[] out = x.clone();
    for (int i = 0; i < out.length; i++) out[i] += d;
    return out;
  }
}
