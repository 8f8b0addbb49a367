"""The published Lumigator SDK (lumigator-sdk 0.1.4a0) against the API at LUMIGATOR_TEST_API_URL.

Every request goes through the SDK's LumigatorClient; where the SDK has no method for an endpoint
(job logs) or its method cannot send the request (delete_workflow), through the same client's
ApiClient.get_response, as a user of the SDK would."""

import os
from urllib.parse import urlparse

import pytest
import standin
from helpers import DATA
from lumigator_schemas.datasets import DatasetFormat
from lumigator_sdk.lumigator import LumigatorClient


def host_of(url: str) -> str:
    """host:port, as LumigatorClient takes it (it adds http:// and /api/v1 itself)."""
    parsed = urlparse(url if "://" in url else f"http://{url}")
    return parsed.netloc


@pytest.fixture(scope="session")
def lumi() -> LumigatorClient:
    api = os.environ.get("LUMIGATOR_TEST_API_URL")
    if not api:
        pytest.exit("set LUMIGATOR_TEST_API_URL to the API under test (run-suite.sh needs it)", 2)
    # wait_for_job asks Ray's Jobs API directly: Ray's submission id is the job's id
    ray = os.environ.get("LUMIGATOR_RAY_URL", "http://127.0.0.1:8265")
    return LumigatorClient(host_of(api), ray_host=host_of(ray))


@pytest.fixture(scope="session")
def stand_in():
    state, server = standin.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def summaries(lumi):
    """The suite's dataset with ground truth (non-ASCII text, quotes, a line break in a cell)."""
    with open(DATA / "summaries.csv", "rb") as f:
        dataset = lumi.datasets.create_dataset(f, DatasetFormat.JOB)
    yield dataset
    lumi.datasets.delete_dataset(dataset.id)
