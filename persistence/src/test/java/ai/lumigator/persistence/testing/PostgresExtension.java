package ai.lumigator.persistence.testing;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * For tests that need PostgreSQL only ({@code @ExtendWith(PostgresExtension.class)}): a fresh
 * migrated database per test class (see {@link PostgresServer} for where the server comes from),
 * emptied before each test, injected as a {@link TestDatabase}, {@link Jdbi} or {@link DataSource}
 * parameter.
 */
public final class PostgresExtension implements ParameterResolver, BeforeEachCallback {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == Jdbi.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabase database = TestDatabases.database(context, TestDatabase.Kind.POSTGRESQL);
    Class<?> type = parameter.getParameter().getType();
    if (type == Jdbi.class) {
      return database.jdbi();
    }
    return type == DataSource.class ? database.dataSource() : database;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestDatabases.database(context, TestDatabase.Kind.POSTGRESQL).reset();
  }
}
