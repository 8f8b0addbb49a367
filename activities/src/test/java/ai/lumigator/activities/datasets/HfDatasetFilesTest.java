package ai.lumigator.activities.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON files compared with what {@code datasets} 3.4.1 (pandas 2.2.3, pyarrow 19.0.1) wrote
 * with {@code load_dataset("csv", data_files=...).save_to_disk(...)} for a three-row CSV; its
 * {@code download_checksums} key was the CSV's local path, here the dataset's file name.
 */
class HfDatasetFilesTest {
  @Test
  void datasetInfoIsWhatDatasetsWrites() {
    byte[] info =
        HfDatasetFiles.datasetInfo(
            "crafted.csv", List.of("examples", "ground_truth", "extra"), 3, 81, 85);
    assertThat(new String(info, StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {
              "builder_name": "csv",
              "citation": "",
              "config_name": "default",
              "dataset_name": "csv",
              "dataset_size": 81,
              "description": "",
              "download_checksums": {
                "crafted.csv": {
                  "num_bytes": 85,
                  "checksum": null
                }
              },
              "download_size": 85,
              "features": {
                "examples": {
                  "dtype": "string",
                  "_type": "Value"
                },
                "ground_truth": {
                  "dtype": "string",
                  "_type": "Value"
                },
                "extra": {
                  "dtype": "string",
                  "_type": "Value"
                }
              },
              "homepage": "",
              "license": "",
              "size_in_bytes": 166,
              "splits": {
                "train": {
                  "name": "train",
                  "num_bytes": 81,
                  "num_examples": 3,
                  "dataset_name": "csv"
                }
              },
              "version": {
                "version_str": "0.0.0",
                "major": 0,
                "minor": 0,
                "patch": 0
              }
            }""");
  }

  @Test
  void stateIsWhatDatasetsWrites() {
    assertThat(new String(HfDatasetFiles.state("2b88f3681456d0ab"), StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {
              "_data_files": [
                {
                  "filename": "data-00000-of-00001.arrow"
                }
              ],
              "_fingerprint": "2b88f3681456d0ab",
              "_format_columns": null,
              "_format_kwargs": {},
              "_format_type": null,
              "_output_all_columns": false,
              "_split": "train"
            }""");
  }

  @Test
  void textIsEscapedAsPythonsJsonDumpsDoes() {
    // json.dumps({"é中文🐊 \"q\"\\": ["a\nb\t\u0001\u007f", True, None, 12]})
    assertThat(
            PythonJson.compact(
                Map.of(
                    "é中文🐊 \"q\"\\",
                    java.util.Arrays.asList("a\nb\t\u0001\u007f", true, null, 12L))))
        .isEqualTo(
            "{\"\\u00e9\\u4e2d\\u6587\\ud83d\\udc0a \\\"q\\\"\\\\\":"
                + " [\"a\\nb\\t\\u0001\\u007f\", true, null, 12]}");
    Map<String, Object> empties = new java.util.LinkedHashMap<>();
    empties.put("a", List.of());
    empties.put("b", Map.of());
    assertThat(PythonJson.indented(empties)).isEqualTo("{\n  \"a\": [],\n  \"b\": {}\n}");
  }
}
