package ai.lumigator.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCatalogueTest {

  static ModelCatalogue read(String yaml) {
    return ModelCatalogue.read(
        "test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  static ModelCatalogue shipped() throws Exception {
    try (InputStream in = ModelCatalogueTest.class.getResourceAsStream("/models.yaml")) {
      return ModelCatalogue.read("classpath:models.yaml", in);
    }
  }

  @Test
  void theShippedCatalogueCoversEveryProviderAndTheBaselines() throws Exception {
    List<ModelEntry> entries = shipped().entries();
    // self-hosted is the UI's bring-your-own-server option: the user names model and base_url
    assertThat(entries)
        .extracting(ModelEntry::provider)
        .containsAll(
            ModelCatalogue.PROVIDERS.stream().filter(p -> !p.equals("self-hosted")).toList())
        .doesNotContain("self-hosted");
    assertThat(entries)
        .filteredOn(e -> e.provider().equals("baseline"))
        .extracting(ModelEntry::model)
        .containsExactly("lead-3", "lead-1", "first-line");
    assertThat(entries)
        .extracting(ModelEntry::model)
        .contains("gpt-4o-mini", "gpt-4o", "mistral-small-latest", "deepseek-chat");
    // keyed providers say so; baselines need nothing
    assertThat(entries)
        .filteredOn(e -> List.of("openai", "mistral", "deepseek").contains(e.provider()))
        .allSatisfy(e -> assertThat(e.requirements()).containsExactly("api_key"));
    assertThat(entries)
        .filteredOn(e -> e.provider().equals("llamafile"))
        .allSatisfy(e -> assertThat(e.requirements()).containsExactly("llamafile"));
    assertThat(entries)
        .filteredOn(e -> e.provider().equals("hosted_vllm"))
        .allSatisfy(e -> assertThat(e.baseUrl()).isNotBlank());
  }

  @Test
  void tasksWithoutParametersGetAnEmptyObjectAndPlainNamesAreAccepted() {
    ModelCatalogue catalogue =
        read(
            """
            - display_name: A
              model: lead-3
              provider: baseline
              tasks:
                - summarization:
                - translation
                - text-generation: {temperature: 0.2}
            """);
    ModelEntry entry = catalogue.entries().get(0);
    assertThat(entry.tasks())
        .containsExactly(
            Map.of("summarization", Map.of()),
            Map.of("translation", Map.of()),
            Map.of("text-generation", Map.of("temperature", 0.2)));
    assertThat(entry.baseUrl()).isNull();
    assertThat(entry.info()).isNull();
    assertThat(entry.requirements()).as("the original's default").isEmpty();
  }

  @Test
  void filtersByTaskUnionCaseInsensitive() {
    ModelCatalogue catalogue =
        read(
            """
            - {display_name: S, model: lead-3, provider: baseline, tasks: [summarization]}
            - {display_name: T, model: gpt-4o, provider: openai, tasks: [translation]}
            - {display_name: G, model: gpt-4o-mini, provider: openai, tasks: [text-generation]}
            """);
    assertThat(catalogue.forTasks(List.of())).hasSize(3);
    assertThat(catalogue.forTasks(null)).hasSize(3);
    assertThat(catalogue.forTasks(List.of(" Summarization ")))
        .extracting(ModelEntry::displayName)
        .containsExactly("S");
    assertThat(catalogue.forTasks(List.of("TRANSLATION", "summarization", "translation")))
        .extracting(ModelEntry::displayName)
        .containsExactly("S", "T");
    assertThatThrownBy(() -> catalogue.forTasks(List.of("summarization", "Poetry", "qa")))
        .isInstanceOf(UnsupportedTasksException.class)
        .hasMessage(
            "Unsupported task(s): {'poetry', 'qa'}. Choose from: {'summarization',"
                + " 'translation', 'text-generation'}");
  }

  @Test
  void everyProblemIsReportedWithItsEntry() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    - display_name: Typo
                      model: gpt-4o
                      provider: opneai
                      dispaly: x
                      tasks: [summarization]
                    - display_name: NoTasks
                      model: m
                      provider: openai
                    - display_name: BadTask
                      model: m2
                      provider: mistral
                      requirements: [api_key, gpu]
                      website_url: not a url
                      tasks: [summarisation]
                    - model: m3
                      provider: hosted_vllm
                      info: {parameter_count: 7B, weight: 3}
                      tasks: [translation]
                    - display_name: BadBaseline
                      model: lead-99
                      provider: baseline
                      tasks: [summarization]
                    - display_name: Dup
                      model: m2
                      provider: mistral
                      tasks: [summarization]
                    - display_name: Dup again
                      model: m2
                      provider: mistral
                      tasks: [summarization]
                    """))
        .isInstanceOfSatisfying(
            ModelCatalogueException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "entry 1 (Typo): unknown field 'dispaly'; allowed: base_url, description,"
                            + " display_name, info, model, price, provider, requirements, tasks,"
                            + " website_url",
                        "entry 1 (Typo): unknown provider 'opneai'; supported: openai, mistral,"
                            + " deepseek, hosted_vllm, self-hosted, ollama, llamafile, baseline",
                        "entry 2 (NoTasks): missing field 'tasks'",
                        "entry 3 (BadTask): 'website_url' must be an http(s) URL, not 'not a"
                            + " url'",
                        "entry 3 (BadTask): unknown requirement 'gpu'; supported: api_key,"
                            + " llamafile",
                        "entry 3 (BadTask): unknown task 'summarisation'; supported:"
                            + " summarization, translation, text-generation",
                        "entry 4: missing field 'display_name'",
                        "entry 4: provider hosted_vllm needs base_url (the vLLM server's /v1"
                            + " URL)",
                        "entry 4: unknown field 'info.weight'; allowed: model_size,"
                            + " parameter_count, tensor_type",
                        "entry 5 (BadBaseline): unknown baseline model 'lead-99'; supported:"
                            + " lead-1 .. lead-20 (e.g. lead-3), first-line",
                        "entry 7 (Dup again): duplicate of an earlier entry (same provider,"
                            + " model and base_url)"))
        .hasMessageStartingWith("Model catalogue test.yaml is invalid:\n  - entry 1 (Typo)");
  }

  @Test
  void pricesAreOptionalCheckedAndFoundByProviderModelAndBaseUrl() throws Exception {
    ModelCatalogue catalogue =
        read(
            """
            - display_name: Priced
              model: m
              provider: openai
              price: {input_usd_per_1m_tokens: 0.15, output_usd_per_1m_tokens: 0.6}
              tasks: [summarization]
            - display_name: Here
              model: v
              provider: hosted_vllm
              base_url: http://a:8000/v1
              price: {input_usd_per_1m_tokens: 0, output_usd_per_1m_tokens: 0}
              tasks: [summarization]
            - display_name: There
              model: v
              provider: hosted_vllm
              base_url: http://b:8000/v1
              price: {input_usd_per_1m_tokens: 1, output_usd_per_1m_tokens: 2}
              tasks: [summarization]
            - display_name: Unpriced
              model: u
              provider: openai
              tasks: [summarization]
            """);
    assertThat(catalogue.priceOf("openai", "m", null)).contains(new ModelPrice(0.15, 0.6));
    // the only entry of the pair prices a workflow whatever its base_url
    assertThat(catalogue.priceOf("openai", "m", "https://proxy/v1")).isPresent();
    assertThat(catalogue.priceOf("hosted_vllm", "v", "http://b:8000/v1/"))
        .contains(new ModelPrice(1, 2));
    assertThat(catalogue.priceOf("hosted_vllm", "v", "http://c:8000/v1")).isEmpty();
    assertThat(catalogue.priceOf("openai", "u", null)).isEmpty();
    assertThat(catalogue.priceOf("mistral", "m", null)).isEmpty();
    assertThat(shipped().priceOf("openai", "gpt-4o-mini", null))
        .contains(new ModelPrice(0.15, 0.60));
    assertThat(shipped().priceOf("baseline", "lead-3", null)).isEmpty();

    assertThatThrownBy(
            () ->
                read(
                    """
                    - display_name: Bad
                      model: m
                      provider: openai
                      price: {input_usd_per_1m_tokens: -1, output: 2}
                      tasks: [summarization]
                    - display_name: Flat
                      model: m2
                      provider: openai
                      price: 3
                      tasks: [summarization]
                    """))
        .isInstanceOfSatisfying(
            ModelCatalogueException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "entry 1 (Bad): unknown field 'price.output'; allowed:"
                            + " input_usd_per_1m_tokens, output_usd_per_1m_tokens",
                        "entry 1 (Bad): 'price.input_usd_per_1m_tokens' must be a number >= 0"
                            + " (USD per million tokens)",
                        "entry 1 (Bad): missing field 'price.output_usd_per_1m_tokens'",
                        "entry 2 (Flat): 'price' must be a mapping of input_usd_per_1m_tokens,"
                            + " output_usd_per_1m_tokens (USD per million tokens)"));
  }

  @Test
  void unreadableFilesAreRefused() {
    assertThatThrownBy(() -> read("- display_name: [unclosed"))
        .isInstanceOf(ModelCatalogueException.class)
        .hasMessageContaining("not valid YAML")
        .hasMessageContaining("line ");
    assertThatThrownBy(() -> read("models: []"))
        .hasMessageContaining("must be a non-empty YAML list of model entries");
    assertThatThrownBy(() -> read(""))
        .hasMessageContaining("must be a non-empty YAML list of model entries");
    assertThatThrownBy(() -> read("- just a string"))
        .hasMessageContaining(
            "entry 1: must be a mapping with display_name, model, provider and tasks");
  }
}
