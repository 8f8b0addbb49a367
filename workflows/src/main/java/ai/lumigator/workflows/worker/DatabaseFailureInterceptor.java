package ai.lumigator.workflows.worker;

import ai.lumigator.persistence.DatabaseErrors;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Activities (local ones too) that fail in the database fail with one line naming the database's
 * answer, retryably: the statement, its arguments and the stack stay in this worker's log, never in
 * Temporal's history or a recorded failure reason. A busy database (another connection holds the
 * lock) is retried by the activity's retry policy until it is free.
 */
public final class DatabaseFailureInterceptor extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(DatabaseFailureInterceptor.class);

  static final String BUSY = "DatabaseBusy";
  static final String ERROR = "DatabaseError";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (RuntimeException e) {
          throw translate(e);
        }
      }
    };
  }

  static RuntimeException translate(RuntimeException e) {
    if (e instanceof ApplicationFailure) return e;
    SQLException sql = DatabaseErrors.sqlCause(e).orElse(null);
    if (sql == null) return e;
    if (DatabaseErrors.isBusy(e)) {
      log.warn("Database busy (will retry): {}", DatabaseErrors.summary(sql));
      return ApplicationFailure.newFailure(
          "The database is busy (another connection holds its lock)", BUSY);
    }
    log.warn("Database error", e);
    return ApplicationFailure.newFailure("Database error: " + DatabaseErrors.summary(sql), ERROR);
  }
}
