package ai.lumigator.api.body;

import ai.lumigator.api.config.ApiProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Registers {@link JsonBodyFilter} just before Spring's form-content filter. */
@Configuration(proxyBeanMethods = false)
public class JsonBodyFilterConfiguration {
  @Bean
  FilterRegistrationBean<JsonBodyFilter> jsonBodyFilter(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
      ApiProperties properties) {
    FilterRegistrationBean<JsonBodyFilter> registration =
        new FilterRegistrationBean<>(new JsonBodyFilter(mappings, properties.maxJsonBodyBytes()));
    registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER - 1);
    return registration;
  }
}
