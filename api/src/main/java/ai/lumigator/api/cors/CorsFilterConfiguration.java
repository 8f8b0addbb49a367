package ai.lumigator.api.cors;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser clients on other origins (e.g. the Lumigator UI), from {@value
 * AllowedOrigins#ENV} (default: the original's {@code http://localhost,http://localhost:3000}).
 * Empty: no filter, no CORS headers. A filter (not Spring MVC's mappings), so it covers every path,
 * the OpenAPI document and error responses included. No credentials: the API has no cookies or
 * sessions.
 */
@Configuration(proxyBeanMethods = false)
public class CorsFilterConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CorsFilterConfiguration.class);

  @Bean
  FilterRegistrationBean<CorsFilter> corsFilter(
      @Value("${lumigator.api.cors.allowed-origins:}") String allowedOrigins) {
    List<String> origins = AllowedOrigins.parse(allowedOrigins);
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.addAllowedHeader(CorsConfiguration.ALL);
    cors.setExposedHeaders(List.of("Location", "Content-Disposition"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new JsonRejectingCorsProcessor());

    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setEnabled(!origins.isEmpty());
    if (!origins.isEmpty()) log.info("CORS allowed origins: {}", String.join(", ", origins));
    return registration;
  }
}
