package ai.lumigator.api.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.datasets.DatasetRow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class DatasetResponseTest {
  @Test
  void snakeCaseFieldsAndAnIsoTimestampWithOffset() throws Exception {
    DatasetRow row =
        new DatasetRow(
            "6f1e1d9a-0000-4000-8000-000000000001",
            "d.csv",
            "job",
            42,
            3,
            "[\"examples\"]",
            "ab",
            false,
            null,
            false,
            null,
            "datasets/6f1e1d9a-0000-4000-8000-000000000001/d.csv",
            1_764_131_501_932L);

    String json = new ObjectMapper().writeValueAsString(DatasetResponse.of(row));

    assertThat(json)
        .isEqualTo(
            "{\"id\":\"6f1e1d9a-0000-4000-8000-000000000001\",\"filename\":\"d.csv\","
                + "\"format\":\"job\",\"size\":42,\"ground_truth\":false,\"run_id\":null,"
                + "\"generated\":false,\"generated_by\":null,"
                + "\"created_at\":\"2025-11-26T04:31:41.932+00:00\"}");
    assertThat(OffsetDateTime.parse(DatasetResponse.of(row).createdAt()).toInstant().toEpochMilli())
        .isEqualTo(row.createdAt());
  }
}
