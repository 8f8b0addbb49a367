package ai.lumigator.persistence.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.util.List;

class DatasetDaoTest {

  static DatasetRow dataset(String id, long createdAt, String runId) {
    return new DatasetRow(
        id,
        "dialogsum.csv",
        "job",
        1234,
        10,
        "[\"examples\",\"ground_truth\"]",
        "ab".repeat(32),
        true,
        runId,
        runId != null,
        runId != null ? "gpt-4o-mini" : null,
        "datasets/" + id + "/dialogsum.csv",
        createdAt);
  }

  @DatabaseTest
  void insertIfAbsentInsertsOnceAndKeepsTheFirstRow(TestDatabase db) {
    DatasetDao dao = db.dao(DatasetDao.class);
    DatasetRow row = dataset("d1", 1_000, null);

    assertThat(dao.insertIfAbsent(row)).isTrue();
    DatasetRow other =
        new DatasetRow(
            "d1", "other.csv", "job", 1, 1, "[]", "00", false, null, false, null, "x", 2_000);
    assertThat(dao.insertIfAbsent(other)).isFalse();

    assertThat(dao.findById("d1")).contains(row);
    assertThat(dao.count()).isEqualTo(1);
  }

  @DatabaseTest
  void roundTripsNullsAndBooleans(TestDatabase db) {
    DatasetDao dao = db.dao(DatasetDao.class);
    DatasetRow generated = dataset("g", 5, "job-1");
    DatasetRow uploaded =
        new DatasetRow(
            "u", "a.csv", "job", 0, 0, "[\"examples\"]", "cd", false, null, false, null, "p", 6);
    dao.insertIfAbsent(generated);
    dao.insertIfAbsent(uploaded);

    assertThat(dao.findById("g")).contains(generated);
    assertThat(dao.findById("u")).contains(uploaded);
    assertThat(dao.findById("missing")).isEmpty();
  }

  @DatabaseTest
  void listsNewestFirstWithIdBreakingTiesAndPagesConsistentlyWithCount(TestDatabase db) {
    DatasetDao dao = db.dao(DatasetDao.class);
    dao.insertIfAbsent(dataset("a", 100, null));
    dao.insertIfAbsent(dataset("b", 300, null));
    dao.insertIfAbsent(dataset("c", 200, null));
    dao.insertIfAbsent(dataset("d", 300, null));

    assertThat(ids(dao.list(0, 100))).containsExactly("d", "b", "c", "a");
    assertThat(ids(dao.list(1, 2))).containsExactly("b", "c");
    assertThat(ids(dao.list(4, 10))).isEmpty();
    assertThat(dao.count()).isEqualTo(4);
  }

  @DatabaseTest
  void findsTheDatasetsAJobGenerated(TestDatabase db) {
    DatasetDao dao = db.dao(DatasetDao.class);
    dao.insertIfAbsent(dataset("older", 1, "job-1"));
    dao.insertIfAbsent(dataset("newer", 2, "job-1"));
    dao.insertIfAbsent(dataset("unrelated", 3, "job-2"));
    dao.insertIfAbsent(dataset("uploaded", 4, null));

    assertThat(ids(dao.findByRunId("job-1"))).containsExactly("newer", "older");
    assertThat(dao.findByRunId("job-3")).isEmpty();
  }

  @DatabaseTest
  void deleteReportsWhetherARowWentAway(TestDatabase db) {
    DatasetDao dao = db.dao(DatasetDao.class);
    dao.insertIfAbsent(dataset("d1", 1, null));
    dao.insertIfAbsent(dataset("d2", 2, null));

    assertThat(dao.delete("d1")).isTrue();
    assertThat(dao.delete("d1")).isFalse();
    assertThat(dao.findById("d1")).isEmpty();
    assertThat(dao.findById("d2")).isPresent();
  }

  private static List<String> ids(List<DatasetRow> rows) {
    return rows.stream().map(DatasetRow::id).toList();
  }
}
