package ai.lumigator.jobs.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void handWorkedNearestRanks() {
    // n = 5, sorted 15 20 35 40 50: p50 → rank ceil(2.5) = 3 → 35; p95 → ceil(4.75) = 5 → 50;
    // p40 → rank 2 exactly → 20 (no interpolation, no rounding up of an exact rank)
    List<Double> five = List.of(40.0, 15.0, 50.0, 35.0, 20.0);
    assertThat(Percentiles.nearestRank(five, 50)).isEqualTo(35.0);
    assertThat(Percentiles.nearestRank(five, 95)).isEqualTo(50.0);
    assertThat(Percentiles.nearestRank(five, 40)).isEqualTo(20.0);
    assertThat(Percentiles.nearestRank(five, 100)).isEqualTo(50.0);
    assertThat(Percentiles.nearestRank(five, 0)).isEqualTo(15.0);
    // n = 4, 1 2 3 4: p50 → rank 2 → 2 (the lower middle, not the mean 2.5)
    assertThat(Percentiles.nearestRank(List.of(4.0, 3.0, 2.0, 1.0), 50)).isEqualTo(2.0);
    // one value is every percentile
    assertThat(Percentiles.nearestRank(List.of(7.5), 95)).isEqualTo(7.5);
    // n = 100, 1..100: p7 → rank 7 exactly → 7 (0.07 * 100 in binary would give rank 8)
    List<Double> hundred = new ArrayList<>();
    for (int i = 1; i <= 100; i++) hundred.add((double) i);
    assertThat(Percentiles.nearestRank(hundred, 7)).isEqualTo(7.0);
  }

  @Test
  void p95OfTwentyIsTheNineteenthAndOfTwentyOneTheTwentieth() {
    List<Double> twenty = new ArrayList<>();
    for (int i = 20; i >= 1; i--) twenty.add((double) i);
    // 95 * 20 / 100 = 19 exactly: rank 19, not 20
    assertThat(Percentiles.nearestRank(twenty, 95)).isEqualTo(19.0);
    assertThat(Percentiles.nearestRank(twenty, 50)).isEqualTo(10.0);
    twenty.add(21.0);
    // 95 * 21 / 100 = 19.95 → 20
    assertThat(Percentiles.nearestRank(twenty, 95)).isEqualTo(20.0);
    // 50 * 21 / 100 = 10.5 → 11
    assertThat(Percentiles.nearestRank(twenty, 50)).isEqualTo(11.0);
  }

  @Test
  void refusesNoValuesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
