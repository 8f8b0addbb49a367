import json
import os
import subprocess
import uuid

import pytest
import requests
from helpers import DATA, await_job, complete, csv_rows, fetch, raw
from lumigator_schemas.datasets import DatasetFormat, DatasetResponse
from lumigator_schemas.jobs import (
    Job,
    JobAnnotateConfig,
    JobCreate,
    JobEvalConfig,
    JobInferenceConfig,
    JobLogsResponse,
    JobResultDownloadResponse,
    JobStatus,
    JobType,
)
from lumigator_sdk.settings_secrets import Secrets

STAMP = uuid.uuid4().hex[:6]


def results_of(lumi, job_id) -> dict:
    link = lumi.jobs.get_job_download(job_id)
    complete(JobResultDownloadResponse, raw(lumi, f"jobs/{job_id}/result/download"))
    assert link.id == job_id
    return fetch(link.download_url).json()


def assert_succeeded(lumi, job_id) -> Job:
    job = await_job(lumi, job_id)
    assert job.status == JobStatus.SUCCEEDED, job
    return complete(Job, raw(lumi, f"jobs/{job_id}"))


def test_baseline_inference_then_evaluator_on_its_predictions(lumi, summaries):
    created = lumi.jobs.create_job(
        JobCreate(
            name=f"lead-3 {STAMP}",
            description="SDK contract: baseline",
            dataset=summaries.id,
            job_config=JobInferenceConfig(
                model="lead-3", provider="baseline", store_to_dataset=True
            ),
        )
    )
    assert created.status == JobStatus.CREATED and created.job_type == JobType.INFERENCE
    assert created.name == f"lead-3 {STAMP}" and created.description == "SDK contract: baseline"

    # the SDK's own wait asks Ray for the job at once (its submission id is the job's id), and
    # fails on a job Ray does not know: the answer to the create came once Ray had it
    assert lumi.jobs.wait_for_job(created.id, retries=300, poll_wait=1)["status"] == "SUCCEEDED"
    job = assert_succeeded(lumi, created.id)
    assert job.submission_id == str(created.id)
    assert job.metadata["job_type"] == "inference"
    assert job.config["dataset"]["id"] == str(summaries.id)
    assert job.config["model_name_or_path"] == "lead-3"

    logs = complete(JobLogsResponse, raw(lumi, f"jobs/{created.id}/logs"))
    assert logs.logs and logs.logs.strip()

    results = results_of(lumi, created.id)
    examples, predictions = results["artifacts"]["examples"], results["artifacts"]["predictions"]
    assert examples == [
        r["examples"] for r in csv_rows((DATA / "summaries.csv").read_text("utf-8"))
    ]
    assert len(predictions) == len(examples)
    for example, prediction in zip(examples, predictions, strict=True):
        first = prediction.split("\n")[0].strip()
        assert first and first in " ".join(example.split()), (example, prediction)

    # store_to_dataset: the predictions as a dataset of their own
    predicted = lumi.jobs.get_job_dataset(created.id)
    complete(DatasetResponse, raw(lumi, f"jobs/{created.id}/dataset"))
    assert predicted.generated is True and predicted.generated_by == "lead-3"
    assert predicted.run_id == created.id and predicted.ground_truth is True
    assert predicted.filename == "summaries-lead-3-predictions.csv"

    evaluated = lumi.jobs.create_job(
        JobCreate(
            name=f"evaluate lead-3 {STAMP}",
            dataset=predicted.id,
            # the SDK's default metrics name bertscore, which this backend does not compute
            job_config=JobEvalConfig(metrics={"rouge", "meteor", "bleu"}),
        )
    )
    assert evaluated.job_type == JobType.EVALUATION
    assert_succeeded(lumi, evaluated.id)
    metrics = results_of(lumi, evaluated.id)["metrics"]
    assert 0 < metrics["rouge"]["rouge1_mean"] <= 1
    assert 0 < metrics["meteor"]["meteor_mean"] <= 1
    assert "bleu_mean" in metrics["bleu"]

    everything = lumi.jobs.get_jobs()
    assert {created.id, evaluated.id} <= {j.id for j in everything.items}
    for item in raw(lumi, "jobs")["items"]:
        complete(Job, item)
    inference = lumi.jobs.get_jobs_per_type(JobType.INFERENCE)
    assert created.id in {j.id for j in inference.items}
    assert {j.job_type for j in inference.items} == {JobType.INFERENCE}
    evaluators = lumi.jobs.get_jobs_per_type(JobType.EVALUATION)
    assert evaluated.id in {j.id for j in evaluators.items}
    assert {j.job_type for j in evaluators.items} == {JobType.EVALUATION}

    lumi.datasets.delete_dataset(predicted.id)


def test_openai_provider_with_a_stored_key(lumi, summaries, stand_in):
    key = f"sk-standin-{uuid.uuid4().hex}"
    assert lumi.settings.secrets.upload_api_key(Secrets.APIKey.OPENAI, key)
    model = f"gpt-standin-{STAMP}"
    try:
        created = lumi.jobs.create_job(
            JobCreate(
                name=f"openai {STAMP}",
                dataset=summaries.id,
                max_samples=3,
                job_config=JobInferenceConfig(
                    model=model,
                    provider="openai",
                    base_url=f"{stand_in.url}/v1",
                    secret_key_name="openai_api_key",
                ),
            )
        )
        assert_succeeded(lumi, created.id)
        calls = stand_in.calls_for(model)
        assert len(calls) == 3
        assert {c.authorization for c in calls} == {f"Bearer {key}"}
        predictions = results_of(lumi, created.id)["artifacts"]["predictions"]
        assert sorted(predictions) == sorted(c.answer for c in calls)
        # the key never comes back: not in the job's details, nor in its logs
        assert key not in lumi.client.get_response(f"jobs/{created.id}").text
        assert key not in lumi.client.get_response(f"jobs/{created.id}/logs").text
    finally:
        lumi.settings.secrets.delete_api_key(Secrets.APIKey.OPENAI)


def test_self_hosted_provider(lumi, summaries, stand_in):
    model = f"self-hosted-standin-{STAMP}"
    created = lumi.jobs.create_job(
        JobCreate(
            name=f"self-hosted {STAMP}",
            dataset=summaries.id,
            max_samples=2,
            # a bare host: /v1 is where such servers serve the API
            job_config=JobInferenceConfig(
                model=model, provider="self-hosted", base_url=stand_in.url
            ),
        )
    )
    job = assert_succeeded(lumi, created.id)
    assert job.config["model_name_or_path"] == model
    calls = stand_in.calls_for(model)
    assert len(calls) == 2 and {c.authorization for c in calls} == {None}
    predictions = results_of(lumi, created.id)["artifacts"]["predictions"]
    assert sorted(predictions) == sorted(c.answer for c in calls)


def test_annotate_with_a_non_hf_model(lumi, stand_in):
    with open(DATA / "unannotated.csv", "rb") as f:
        unannotated = lumi.datasets.create_dataset(f, DatasetFormat.JOB)
    model = f"annotator-standin-{STAMP}"
    try:
        created = lumi.jobs.create_job(
            JobCreate(
                name=f"annotate {STAMP}",
                dataset=unannotated.id,
                job_config=JobAnnotateConfig(
                    model=model, provider="self-hosted", base_url=stand_in.url
                ),
            )
        )
        assert created.job_type == JobType.ANNOTATION
        assert_succeeded(lumi, created.id)
        annotated = lumi.jobs.get_job_dataset(created.id)
        assert annotated.ground_truth is True and annotated.generated is True
        assert annotated.generated_by == model and annotated.run_id == created.id
        link = lumi.datasets.get_dataset_link(annotated.id, "csv")
        rows = csv_rows(fetch(link.download_urls[0]).content.decode("utf-8"))
        answers = {c.answer for c in stand_in.calls_for(model)}
        assert [r["examples"] for r in rows] == [
            r["examples"] for r in csv_rows((DATA / "unannotated.csv").read_text("utf-8"))
        ]
        assert len(answers) == len(rows) and {r["ground_truth"] for r in rows} == answers
        lumi.datasets.delete_dataset(annotated.id)
    finally:
        lumi.datasets.delete_dataset(unannotated.id)


def test_annotate_with_the_default_hf_model_is_refused_with_the_reason(lumi, summaries):
    before = lumi.jobs.get_jobs().total
    with pytest.raises(requests.HTTPError) as refused:
        lumi.jobs.create_job(
            JobCreate(
                name=f"annotate hf {STAMP}", dataset=summaries.id, job_config=JobAnnotateConfig()
            )
        )
    assert refused.value.response.status_code == 422
    assert "hf" in json.dumps(refused.value.response.json()["detail"])
    assert lumi.jobs.get_jobs().total == before


@pytest.mark.parametrize(
    "content_type",
    [["-H", "Content-Type:"], []],  # none at all; curl -d's own application/x-www-form-urlencoded
    ids=["no Content-Type", "curl -d default"],
)
def test_curl_with_a_json_body_creates_a_job(lumi, summaries, content_type):
    body = {
        "name": f"curl {STAMP}",
        "dataset": str(summaries.id),
        "max_samples": 1,
        "job_config": {"job_type": "inference", "model": "lead-1", "provider": "baseline"},
    }
    url = f"{os.environ['LUMIGATOR_TEST_API_URL'].rstrip('/')}/api/v1/jobs/inference/"
    out = subprocess.run(
        ["curl", "-sS", "-w", "\n%{http_code}", *content_type, "-d", json.dumps(body), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    answer, status = out.rsplit("\n", 1)
    assert status == "201", answer
    job = assert_succeeded(lumi, json.loads(answer)["id"])
    assert job.name == f"curl {STAMP}" and job.config["max_samples"] == 1
