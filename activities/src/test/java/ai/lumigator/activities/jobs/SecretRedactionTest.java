package ai.lumigator.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  @Test
  void secretKeysAreMaskedAtAnyDepthAndOthersKept() {
    Map<String, Object> env =
        Map.of(
            "runtime_env",
            Map.of(
                "env_vars", Map.of("api_key", "sk-1", "MZAI_JOB_ID", "j"),
                "list", List.of(Map.of("HF_TOKEN", "hf-1", "OpenAI_API_KEY", "sk-2"))),
            "generation_config",
            Map.of("max_new_tokens", 1024),
            "access_token",
            "t");

    Map<String, Object> r = SecretRedaction.redactMap(env);

    assertThat(r.toString()).doesNotContain("sk-1", "sk-2", "hf-1").contains("MZAI_JOB_ID=j");
    assertThat(r.get("access_token")).isEqualTo(SecretRedaction.MASK);
    assertThat(((Map<?, ?>) r.get("generation_config")).get("max_new_tokens")).isEqualTo(1024);
  }
}
