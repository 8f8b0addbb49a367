package ai.lumigator.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database to the latest schema; run once at start-up before anything uses it. */
public final class DatabaseMigrator {

  private DatabaseMigrator() {}

  /** Applies the pending migrations of the database's vendor (SQLite or PostgreSQL). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location(vendor(dataSource)))
        .load()
        .migrate();
  }

  /** The classpath folder holding the migrations for a JDBC product name. */
  static String location(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("sqlite")) {
      return "classpath:db/migration/sqlite";
    }
    if (name.contains("postgresql")) {
      return "classpath:db/migration/postgresql";
    }
    throw new IllegalArgumentException("Unsupported database: " + productName);
  }

  private static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }
}
