package ai.lumigator.api.errors;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat answers what it refuses itself with {@link JsonErrorReportValve}. */
@Configuration(proxyBeanMethods = false)
class JsonErrorPageConfiguration {
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
              }
            });
  }
}
