package ai.lumigator.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-only settings, bound from {@code lumigator.api.*}.
 *
 * @param deploymentType reported by the health endpoint: local, development, staging, production
 */
@ConfigurationProperties("lumigator.api")
public record ApiProperties(@DefaultValue("local") String deploymentType) {}
