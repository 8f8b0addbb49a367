package ai.lumigator.persistence;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Jdbi set up for the DAOs: {@code Jdbis.create(ds).onDemand(JobDao.class)}. */
public final class Jdbis {

  private Jdbis() {}

  public static Jdbi create(DataSource dataSource) {
    return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
  }
}
