import uuid

import pytest
import requests
from helpers import complete, raw
from lumigator_schemas.extras import HealthResponse
from lumigator_schemas.models import ModelsResponse
from lumigator_schemas.secrets import SecretUploadRequest
from lumigator_sdk.settings_secrets import Secrets


def test_health(lumi):
    check = lumi.health.healthcheck()
    assert check.ok(), check.status
    assert check.deployment_type == "local"
    complete(HealthResponse, raw(lumi, "health"))


def test_models_list_every_suggestion_in_the_schema(lumi):
    everything = lumi.models.get_suggested_models()
    body = raw(lumi, "models")
    assert everything.total == len(everything.items) == len(body["items"]) > 0
    for item in body["items"]:
        complete(ModelsResponse, item)
    by_model = {(m.provider, m.model): m for m in everything.items}
    lead3 = by_model[("baseline", "lead-3")]
    assert lead3.requirements == [] and lead3.base_url is None
    assert "summarization" in lead3.tasks[0]
    assert [r.value for r in by_model[("openai", "gpt-4o-mini")].requirements] == ["api_key"]


def test_models_filtered_by_task(lumi):
    translation = lumi.models.get_suggested_models(["translation"])
    assert translation.total > 0
    assert all(any("translation" in t for t in m.tasks) for m in translation.items)
    assert ("baseline", "lead-3") not in {(m.provider, m.model) for m in translation.items}
    both = lumi.models.get_suggested_models(["summarization", "translation"])
    assert both.total >= translation.total
    with pytest.raises(requests.HTTPError) as refused:
        lumi.models.get_suggested_models(["juggling"])
    assert refused.value.response.status_code == 400
    assert "Unsupported task(s)" in refused.value.response.json()["detail"]


def test_secret_put_list_replace_delete(lumi):
    secrets = lumi.settings.secrets
    name = f"sdk_contract_{uuid.uuid4().hex[:8]}"
    value = f"sk-{uuid.uuid4().hex}"
    assert not secrets.is_secret_configured(name)

    assert secrets.upload_secret(name, SecretUploadRequest(value=value, description="Schlüssel ✓"))
    listed = {s.name: s.description for s in secrets.list_secrets()}
    assert listed[name] == "Schlüssel ✓"
    assert value not in lumi.client.get_response("settings/secrets").text

    # a second put replaces it (204), still listed once
    assert secrets.upload_secret(
        name, SecretUploadRequest(value=value + "2", description="replaced")
    )
    listed = [s for s in secrets.list_secrets() if s.name == name]
    assert [s.description for s in listed] == ["replaced"]

    assert secrets.delete_secret(name)
    assert not secrets.is_secret_configured(name)


def test_api_key_helpers(lumi):
    secrets = lumi.settings.secrets
    assert secrets.upload_api_key(Secrets.APIKey.MISTRAL, "mistral-test-key")
    assert secrets.is_api_key_configured(Secrets.APIKey.MISTRAL)
    assert "mistral_api_key" in {s.name for s in secrets.list_api_keys()}
    assert secrets.delete_api_key(Secrets.APIKey.MISTRAL)
    assert not secrets.is_api_key_configured(Secrets.APIKey.MISTRAL)


def test_an_invalid_secret_is_refused_with_the_reason(lumi):
    with pytest.raises(requests.HTTPError) as refused:
        # the SDK's own check passes; ours: value over 1024 characters
        lumi.settings.secrets.upload_secret(
            "sdk_too_long", SecretUploadRequest.model_construct(value="x" * 1025, description="d")
        )
    assert refused.value.response.status_code == 422
    assert refused.value.response.json()["detail"][0]["loc"] == ["body", "value"]
