"""The API at LUMIGATOR_TEST_API_URL, over plain HTTP (requests)."""

import csv
import io
import os
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import requests

# the repository's sample datasets (LUMIGATOR_TEST_DATA may point elsewhere, as for the Java tests)
SAMPLE_DATA = Path(
    os.environ.get("LUMIGATOR_TEST_DATA")
    or Path(__file__).resolve().parents[6] / "jobs/src/test/resources/sample-data"
)
# the original's save_to_disk folder: what GET /datasets/{id}/download lists, in key order
FILES = ["data-00000-of-00001.arrow", "dataset.csv", "dataset_info.json", "state.json"]


class Api:
    def __init__(self, base: str):
        self.base = base.rstrip("/") + "/api/v1"
        self.http = requests.Session()

    def call(self, method: str, path: str, expect: int, **kwargs) -> requests.Response:
        r = self.http.request(method, f"{self.base}/{path}", timeout=60, **kwargs)
        assert r.status_code == expect, f"{method} {path}: {r.status_code} {r.text}"
        return r

    def upload(self, filename: str, content: bytes) -> dict:
        files = {"dataset": (filename, content, "text/csv")}
        return self.call("POST", "datasets/", 201, files=files, data={"format": "job"}).json()

    def delete(self, dataset_id: str) -> None:
        self.call("DELETE", f"datasets/{dataset_id}", 204)

    def download_urls(self, dataset_id: str, extension: str | None = None) -> list[str]:
        params = {} if extension is None else {"extension": extension}
        body = self.call("GET", f"datasets/{dataset_id}/download", 200, params=params).json()
        assert body["id"] == dataset_id
        return body["download_urls"]

    def until(self, what: str, fetch, done, timeout: float = 240):
        deadline = time.monotonic() + timeout
        value = fetch()
        while not done(value):
            assert time.monotonic() < deadline, f"{what} not done in {timeout} s: {value}"
            time.sleep(0.5)
            value = fetch()
        return value


def file_name(url: str) -> str:
    return unquote(urlparse(url).path).rsplit("/", 1)[-1]


def download(api: Api, dataset_id: str, folder: Path) -> Path:
    """The dataset's four files, fetched through their presigned URLs into folder."""
    urls = api.download_urls(dataset_id)
    assert [file_name(u) for u in urls] == FILES
    folder.mkdir(parents=True)
    for url in urls:
        r = requests.get(url, timeout=60)
        r.raise_for_status()
        (folder / file_name(url)).write_bytes(r.content)
    return folder


def csv_table(content: bytes) -> tuple[list[str], list[dict[str, str | None]]]:
    """The CSV's header and rows as Python's csv module reads them, an empty cell as None (as
    datasets' own CSV loader reads one), a short row's missing cells too."""
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    header = next(reader)
    rows = []
    for record in reader:
        cells = record + [""] * (len(header) - len(record))
        rows.append({c: (v if v != "" else None) for c, v in zip(header, cells, strict=True)})
    return header, rows


@pytest.fixture(scope="session")
def api() -> Api:
    base = os.environ.get("LUMIGATOR_TEST_API_URL")
    if not base:
        pytest.exit("set LUMIGATOR_TEST_API_URL to the API under test (run-suite.sh needs it)", 2)
    return Api(base)
