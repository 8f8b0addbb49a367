package ai.lumigator.persistence.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.util.List;

class ExperimentDaoTest {

  static ExperimentRow experiment(String id, long createdAt) {
    return new ExperimentRow(
        id,
        "exp " + id,
        "a description",
        "dataset-1",
        -1,
        "{\"task\":\"summarization\"}",
        createdAt,
        createdAt + 1);
  }

  @DatabaseTest
  void insertsFindsListsCountsAndDeletes(TestDatabase db) {
    ExperimentDao dao = db.dao(ExperimentDao.class);
    ExperimentRow first = experiment("x1", 10);
    dao.insert(first);
    dao.insert(experiment("x2", 30));
    dao.insert(experiment("x3", 20));

    assertThat(dao.findById("x1")).contains(first);
    assertThat(dao.findById("nope")).isEmpty();
    assertThat(ids(dao.list(0, 10))).containsExactly("x2", "x3", "x1");
    assertThat(ids(dao.list(2, 10))).containsExactly("x1");
    assertThat(dao.count()).isEqualTo(3);

    assertThat(dao.delete("x3")).isTrue();
    assertThat(dao.delete("x3")).isFalse();
    assertThat(ids(dao.list(0, 10))).containsExactly("x2", "x1");
    assertThat(dao.count()).isEqualTo(2);
  }

  private static List<String> ids(List<ExperimentRow> rows) {
    return rows.stream().map(ExperimentRow::id).toList();
  }
}
