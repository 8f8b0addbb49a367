package ai.lumigator.api.urls;

import ai.lumigator.api.config.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy for the URLs jobs call, from {@code lumigator.api.base-url-deny/allow}. */
@Configuration(proxyBeanMethods = false)
class OutboundUrlConfiguration {
  @Bean
  OutboundUrlPolicy outboundUrlPolicy(ApiProperties properties) {
    return OutboundUrlPolicy.of(properties.baseUrlDeny(), properties.baseUrlAllow());
  }
}
