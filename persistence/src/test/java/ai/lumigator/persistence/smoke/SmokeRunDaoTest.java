package ai.lumigator.persistence.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;

class SmokeRunDaoTest {

  @DatabaseTest
  void insertIfAbsentKeepsTheFirstRun(TestDatabase db) {
    SmokeRunDao dao = db.dao(SmokeRunDao.class);
    SmokeRunRow first = new SmokeRunRow("s1", "s1", "succeeded", "hello from ray", 5);

    assertThat(dao.insertIfAbsent(first)).isTrue();
    assertThat(dao.insertIfAbsent(new SmokeRunRow("s1", "other", "failed", null, 6))).isFalse();
    assertThat(dao.insertIfAbsent(new SmokeRunRow("s2", "s2", "failed", null, 7))).isTrue();

    assertThat(dao.findById("s1")).contains(first);
    assertThat(dao.findById("s2").orElseThrow().output()).isNull();
    assertThat(dao.findById("s3")).isEmpty();
  }
}
