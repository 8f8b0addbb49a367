package ai.lumigator.api.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error page, for what it refuses before any servlet sees the request (an encoded
 * slash in the path, an oversize header or URL, a malformed request line): {@code {"detail": "Bad
 * Request"}} instead of an HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {
  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) return;
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("utf-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        String reason = ApiExceptionHandler.reason(HttpStatusCode.valueOf(status));
        writer.write("{\"detail\": \"" + reason.replace("\"", "'") + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response committed: nothing more to say
    }
  }
}
