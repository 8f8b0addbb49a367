import ai.lumigator.jobs.metrics.BleuMetric;
import ai.lumigator.jobs.metrics.MeteorMetric;
import ai.lumigator.jobs.metrics.MetricOptions;
import ai.lumigator.jobs.metrics.RougeMetric;
import ai.lumigator.jobs.metrics.TokenLengthMetric;
import ai.lumigator.jobs.metrics.text.NltkWordTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Scores samples with the Java metrics for bench/metrics/parity.py.
 *
 * <p>Input: JSON lines {"id", "prediction", "reference"}. Output: JSON lines with the id, every
 * per-sample value (rouge1..rougeLsum, the same with "_stem" for use_stemmer=True, bleu, meteor,
 * ref/pred_token_length) and the word_tokenize tokens of both sides.
 *
 * <p>With {@code --words IN OUT}: for each input line (one word) writes "word TAB Porter stem TAB
 * sorted METEOR synonyms joined by spaces".
 *
 * <p>Run: java -cp "jobs/target/classes:<jobs runtime classpath>" bench/metrics/ParityDump.java IN OUT
 */
public class ParityDump {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--words")) {
      words(args[1], args[2]);
      return;
    }
    ObjectMapper json = new ObjectMapper();
    RougeMetric rouge = new RougeMetric(MetricOptions.defaults());
    RougeMetric rougeStem = new RougeMetric(new MetricOptions(true, false));
    BleuMetric bleu = new BleuMetric();
    MeteorMetric meteor = new MeteorMetric();
    TokenLengthMetric tokenLength = new TokenLengthMetric();
    NltkWordTokenizer wt = NltkWordTokenizer.english();
    long t0 = System.nanoTime();
    int n = 0;
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode row = json.readTree(line);
        String p = row.get("prediction").asText();
        String r = row.get("reference").asText();
        ObjectNode o = json.createObjectNode();
        o.set("id", row.get("id"));
        rouge.score(p, r).forEach(o::put);
        for (Map.Entry<String, Double> e : rougeStem.score(p, r).entrySet()) {
          o.put(e.getKey() + "_stem", e.getValue());
        }
        o.put("bleu", bleu.score(p, r).get("bleu"));
        o.put("meteor", meteor.score(p, r).get("meteor"));
        tokenLength.score(p, r).forEach((k, v) -> o.put(k, v.intValue()));
        o.set("pred_tokens", json.valueToTree(wt.tokenize(p)));
        o.set("ref_tokens", json.valueToTree(wt.tokenize(r)));
        out.write(json.writeValueAsString(o));
        out.write('\n');
        n++;
      }
    }
    System.err.printf("scored %d samples in %.2f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  private static void words(String inPath, String outPath) throws Exception {
    ai.lumigator.jobs.metrics.wordnet.WordNet wn = ai.lumigator.jobs.metrics.wordnet.WordNet.load();
    ai.lumigator.jobs.metrics.text.PorterStemmer stemmer =
        ai.lumigator.jobs.metrics.text.PorterStemmer.instance();
    try (BufferedReader in = Files.newBufferedReader(Path.of(inPath), StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(Path.of(outPath), StandardCharsets.UTF_8)) {
      String w;
      while ((w = in.readLine()) != null) {
        java.util.List<String> syns = new java.util.ArrayList<>(wn.meteorSynonyms(w));
        java.util.Collections.sort(syns);
        out.write(w + "\t" + stemmer.stem(w) + "\t" + String.join(" ", syns) + "\n");
      }
    }
  }
}
