package ai.lumigator.api.experiments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderboard as CSV (RFC 4180, CRLF): a header row, then one row per entry in rank order; an
 * entry without a metric has an empty cell. After the metrics: the sort key's interval ({@code
 * <sort>_ci_low}, {@code <sort>_ci_high}, empty without one) and {@code tied_with} (ids joined by a
 * space), then {@code estimated_cost_usd} (empty without one): new columns come last, so a reader
 * of the older layout finds every column where it was.
 */
final class LeaderboardCsv {
  private LeaderboardCsv() {}

  static String write(LeaderboardResponse board) {
    StringBuilder out = new StringBuilder();
    List<String> header =
        new ArrayList<>(
            List.of(
                "rank",
                "workflow_id",
                "name",
                "model",
                "provider",
                Leaderboard.INFERENCE_TIME,
                Leaderboard.EVALUATION_TIME));
    header.addAll(board.columns());
    header.addAll(
        List.of(
            board.sort() + "_ci_low",
            board.sort() + "_ci_high",
            "tied_with",
            Leaderboard.ESTIMATED_COST));
    row(out, header);
    for (LeaderboardEntry e : board.items()) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  Integer.toString(e.rank()),
                  e.workflowId(),
                  e.name(),
                  text(e.model()),
                  text(e.provider()),
                  number(e.inferenceTime()),
                  number(e.evaluationTime())));
      for (String column : board.columns()) cells.add(number(e.metrics().get(column)));
      BootstrapInterval.Interval ci = e.intervals().get(board.sort());
      cells.add(ci == null ? "" : number(ci.low()));
      cells.add(ci == null ? "" : number(ci.high()));
      cells.add(String.join(" ", e.tiedWith()));
      cells.add(number(e.estimatedCostUsd()));
      row(out, cells);
    }
    return out.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String number(Double d) {
    return d == null ? "" : BigDecimal.valueOf(d).toPlainString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      String c = cells.get(i);
      boolean quote =
          c.indexOf(',') >= 0
              || c.indexOf('"') >= 0
              || c.indexOf('\n') >= 0
              || c.indexOf('\r') >= 0;
      out.append(quote ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    out.append("\r\n");
  }
}
