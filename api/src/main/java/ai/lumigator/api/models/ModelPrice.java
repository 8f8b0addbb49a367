package ai.lumigator.api.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A model's list price in US dollars per million tokens, as the catalogue gives it.
 *
 * @param inputUsdPer1mTokens what a million prompt tokens cost
 * @param outputUsdPer1mTokens what a million completion tokens cost
 */
public record ModelPrice(
    @JsonProperty("input_usd_per_1m_tokens") double inputUsdPer1mTokens,
    @JsonProperty("output_usd_per_1m_tokens") double outputUsdPer1mTokens) {

  /** Prompt tokens × input price + completion tokens × output price, in USD to 6 decimals. */
  public double estimate(double promptTokens, double completionTokens) {
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    BigDecimal cost =
        BigDecimal.valueOf(promptTokens)
            .multiply(BigDecimal.valueOf(inputUsdPer1mTokens))
            .add(
                BigDecimal.valueOf(completionTokens)
                    .multiply(BigDecimal.valueOf(outputUsdPer1mTokens)))
            .divide(million, 6, RoundingMode.HALF_EVEN);
    return cost.doubleValue();
  }
}
