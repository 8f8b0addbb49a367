package ai.lumigator.activities.datasets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a Hugging Face {@code datasets} {@code save_to_disk} folder holding one table of
 * string columns, as {@code datasets} 3.4.1 (the original Lumigator's) writes it for a CSV it read:
 * {@code dataset_info.json}, {@code state.json} and the Arrow schema's {@code huggingface}
 * metadata. Every column is {@code Value("string")}.
 */
final class HfDatasetFiles {
  static final String ARROW_FILE = "data-00000-of-00001.arrow";
  static final String INFO_FILE = "dataset_info.json";
  static final String STATE_FILE = "state.json";

  /** The builder and config {@code load_dataset("csv", ...)} records. */
  private static final String BUILDER = "csv";

  private HfDatasetFiles() {}

  /** The Arrow schema's {@code huggingface} metadata value. */
  static String schemaMetadata(List<String> columns) {
    return PythonJson.compact(Map.of("info", Map.of("features", features(columns))));
  }

  /**
   * {@code dataset_info.json}.
   *
   * @param tableBytes the table's size as pyarrow counts it ({@code Table.nbytes})
   * @param csvBytes the size of the CSV it was read from, recorded under its file name
   */
  static byte[] datasetInfo(
      String filename, List<String> columns, long rows, long tableBytes, long csvBytes) {
    Map<String, Object> checksum = new LinkedHashMap<>();
    checksum.put("num_bytes", csvBytes);
    checksum.put("checksum", null);
    Map<String, Object> train = new LinkedHashMap<>();
    train.put("name", "train");
    train.put("num_bytes", tableBytes);
    train.put("num_examples", rows);
    train.put("dataset_name", BUILDER);
    Map<String, Object> version = new LinkedHashMap<>();
    version.put("version_str", "0.0.0");
    version.put("major", 0);
    version.put("minor", 0);
    version.put("patch", 0);
    Map<String, Object> info = new LinkedHashMap<>(); // top-level keys sorted, as datasets does
    info.put("builder_name", BUILDER);
    info.put("citation", "");
    info.put("config_name", "default");
    info.put("dataset_name", BUILDER);
    info.put("dataset_size", tableBytes);
    info.put("description", "");
    info.put("download_checksums", Map.of(filename, checksum));
    info.put("download_size", csvBytes);
    info.put("features", features(columns));
    info.put("homepage", "");
    info.put("license", "");
    info.put("size_in_bytes", tableBytes + csvBytes);
    info.put("splits", Map.of("train", train));
    info.put("version", version);
    return PythonJson.indented(info).getBytes(StandardCharsets.UTF_8);
  }

  /** {@code state.json}: one data file, no format set, split {@code train}. */
  static byte[] state(String fingerprint) {
    Map<String, Object> state = new LinkedHashMap<>(); // keys sorted, as datasets does
    state.put("_data_files", List.of(Map.of("filename", ARROW_FILE)));
    state.put("_fingerprint", fingerprint);
    state.put("_format_columns", null);
    state.put("_format_kwargs", Map.of());
    state.put("_format_type", null);
    state.put("_output_all_columns", false);
    state.put("_split", "train");
    return PythonJson.indented(state).getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> features(List<String> columns) {
    Map<String, Object> features = new LinkedHashMap<>();
    for (String column : columns) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("dtype", "string");
      value.put("_type", "Value");
      features.put(column, value);
    }
    return features;
  }
}
