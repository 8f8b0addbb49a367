package ai.lumigator.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API-only settings, bound from {@code lumigator.api.*}.
 *
 * @param deploymentType reported by the health endpoint: local, development, staging, production
 * @param maxJsonBodyBytes largest JSON request body (413 beyond); the dataset upload has its own
 */
@ConfigurationProperties("lumigator.api")
public record ApiProperties(
    @DefaultValue("local") String deploymentType, @DefaultValue("1048576") long maxJsonBodyBytes) {}
