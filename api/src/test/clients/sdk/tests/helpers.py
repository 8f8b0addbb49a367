import csv
import io
import time
from pathlib import Path
from typing import Any, TypeVar

import requests
from lumigator_schemas.jobs import Job, JobStatus
from lumigator_schemas.workflows import WorkflowDetailsResponse, WorkflowStatus
from lumigator_sdk.lumigator import LumigatorClient
from pydantic import BaseModel

DATA = Path(__file__).parent / "data"
M = TypeVar("M", bound=BaseModel)

JOB_ENDS = {JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.STOPPED}
WORKFLOW_ENDS = {WorkflowStatus.SUCCEEDED, WorkflowStatus.FAILED}


def complete(model: type[M], raw: dict[str, Any]) -> M:
    """The schema's model of a response that also names every field of the schema: a field left
    out would otherwise pass silently as its default."""
    missing = sorted(name for name, f in model.model_fields.items() if (f.alias or name) not in raw)
    assert not missing, f"{model.__name__} lacks {missing}: {raw}"
    return model.model_validate(raw)


def raw(lumi: LumigatorClient, path: str) -> Any:
    """A GET through the SDK's own ApiClient, as JSON."""
    return lumi.client.get_response(path).json()


def until(what: str, fetch, done, timeout: float):
    """fetch() until done(value), polling briefly; fails with the last value at the deadline."""
    deadline = time.monotonic() + timeout
    value = fetch()
    while not done(value):
        assert time.monotonic() < deadline, f"{what} not done in {timeout} s: {value}"
        time.sleep(0.5)
        value = fetch()
    return value


def await_job(lumi: LumigatorClient, job_id, timeout: float = 240) -> Job:
    return until(
        f"job {job_id}", lambda: lumi.jobs.get_job(job_id), lambda j: j.status in JOB_ENDS, timeout
    )


def await_workflow(
    lumi: LumigatorClient, workflow_id, timeout: float = 360
) -> WorkflowDetailsResponse:
    return until(
        f"workflow {workflow_id}",
        lambda: lumi.workflows.get_workflow(workflow_id),
        lambda w: w.status in WORKFLOW_ENDS,
        timeout,
    )


def fetch(url: str) -> requests.Response:
    """A presigned download URL, fetched as a browser or script would."""
    r = requests.get(url, timeout=30)
    r.raise_for_status()
    return r


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))
