package ai.lumigator.api.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {
  @Test
  void percentilesInterpolateLinearlyAsNumpyDoes() {
    // np.percentile([0.3, 0.1, 0.7, 0.2, 0.9, 0.4, 0.55], [2.5, 97.5]) → 0.115, 0.87
    double[] sorted = {0.1, 0.2, 0.3, 0.4, 0.55, 0.7, 0.9};
    assertThat(BootstrapInterval.percentile(sorted, 2.5)).isCloseTo(0.115, offset(1e-12));
    assertThat(BootstrapInterval.percentile(sorted, 97.5)).isCloseTo(0.87, offset(1e-12));
    assertThat(BootstrapInterval.percentile(new double[] {4}, 97.5)).isEqualTo(4);
  }

  @Test
  void handWorkedTinyCases() {
    // one sample: every resample is that sample
    BootstrapInterval.Interval one = BootstrapInterval.of(new double[][] {{0.25}}, 1000, 1)[0];
    assertThat(one).isEqualTo(new BootstrapInterval.Interval(0.25, 0.25));
    // [0, 1]: resample means 0, 0.5, 1 with chances 1/4, 1/2, 1/4, so the 2.5% and 97.5%
    // percentiles of many are 0 and 1; a constant column has a zero-width interval
    BootstrapInterval.Interval[] two =
        BootstrapInterval.of(new double[][] {{0, 1}, {0.5, 0.5}}, 10_000, 1);
    assertThat(two[0]).isEqualTo(new BootstrapInterval.Interval(0, 1));
    assertThat(two[1]).isEqualTo(new BootstrapInterval.Interval(0.5, 0.5));
  }

  @Test
  void agreesWithScipysPercentileBootstrap() {
    // scipy.stats.bootstrap((x,), np.mean, method='percentile', n_resamples=100000,
    //   random_state=1).confidence_interval → (0.46232229594949326, 0.5433377659275939);
    // different random draws, so equal within the Monte Carlo error of 100,000 resamples
    BootstrapInterval.Interval i =
        BootstrapInterval.of(new double[][] {StatisticsVectors.X}, 100_000, 0)[0];
    assertThat(i.low()).isCloseTo(0.46232229594949326, offset(0.002));
    assertThat(i.high()).isCloseTo(0.5433377659275939, offset(0.002));
  }

  @Test
  void theSameSeedGivesTheSameIntervalAndAnotherSeedAnotherOne() {
    double[][] x = {StatisticsVectors.X};
    assertThat(BootstrapInterval.of(x, 1000, 5)).isEqualTo(BootstrapInterval.of(x, 1000, 5));
    assertThat(BootstrapInterval.of(x, 1000, 5)[0])
        .isNotEqualTo(BootstrapInterval.of(x, 1000, 6)[0]);
  }
}
