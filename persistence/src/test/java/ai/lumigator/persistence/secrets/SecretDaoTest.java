package ai.lumigator.persistence.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import ai.lumigator.persistence.testing.DatabaseTest;
import ai.lumigator.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

class SecretDaoTest {

  @DatabaseTest
  void upsertReportsCreatedThenUpdatedAndKeepsNamesLowerCase(TestDatabase db) {
    SecretDao dao = db.dao(SecretDao.class);

    assertThat(dao.upsert("OpenAI_API_Key", "openai", "Y2lwaGVy", 1))
        .isEqualTo(UpsertOutcome.CREATED);
    assertThat(dao.upsert("openai_api_key", "rotated", "bmV3", 2)).isEqualTo(UpsertOutcome.UPDATED);

    assertThat(dao.list()).containsExactly(new SecretSummary("openai_api_key", "rotated"));
    assertThat(dao.findCiphertext("OPENAI_API_KEY")).contains("bmV3");
    long createdAt =
        db.jdbi()
            .withHandle(
                h -> h.createQuery("SELECT created_at FROM secrets").mapTo(long.class).one());
    assertThat(createdAt).isEqualTo(1);
  }

  @DatabaseTest
  void listsByNameWithoutValues(TestDatabase db) {
    SecretDao dao = db.dao(SecretDao.class);
    dao.upsert("mistral_api_key", "m", "c1", 1);
    dao.upsert("deepseek_api_key", "d", "c2", 1);

    assertThat(dao.list())
        .containsExactly(
            new SecretSummary("deepseek_api_key", "d"), new SecretSummary("mistral_api_key", "m"));
  }

  @DatabaseTest
  void deleteToleratesAbsentNames(TestDatabase db) {
    SecretDao dao = db.dao(SecretDao.class);
    dao.upsert("a", "", "c", 1);

    assertThat(dao.delete("A")).isTrue();
    assertThat(dao.delete("a")).isFalse();
    assertThat(dao.findCiphertext("a")).isEmpty();
    assertThat(dao.list()).isEmpty();
  }

  @DatabaseTest
  void concurrentUpsertsOfOneNameCreateItOnce(TestDatabase db) throws Exception {
    SecretDao dao = db.dao(SecretDao.class);
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<UpsertOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String value = "v" + i;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return dao.upsert("shared", "d", value, 1);
                }));
      }
      start.countDown();
      List<UpsertOutcome> results = new ArrayList<>();
      for (Future<UpsertOutcome> outcome : outcomes) {
        results.add(outcome.get(60, TimeUnit.SECONDS));
      }
      assertThat(results).containsOnlyOnce(UpsertOutcome.CREATED);
      assertThat(results).filteredOn(UpsertOutcome.UPDATED::equals).hasSize(threads - 1);
      assertThat(dao.list()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
