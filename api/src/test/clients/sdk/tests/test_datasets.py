from urllib.parse import urlparse

import pytest
import requests
from helpers import DATA, complete, csv_rows, fetch, raw
from lumigator_schemas.datasets import DatasetDownloadResponse, DatasetFormat, DatasetResponse
from lumigator_schemas.extras import ListingResponse

UPLOADED = csv_rows((DATA / "summaries.csv").read_text(encoding="utf-8"))
# HF datasets' save_to_disk layout beside the CSV, as the original stores a dataset
SAVE_TO_DISK_FILES = ["data-00000-of-00001.arrow", "dataset.csv", "dataset_info.json", "state.json"]


def file_name(url: str) -> str:
    return urlparse(url).path.rsplit("/", 1)[-1]


def test_dataset_lifecycle(lumi):
    before = lumi.datasets.get_datasets().total
    with open(DATA / "summaries.csv", "rb") as f:
        created = lumi.datasets.create_dataset(f, DatasetFormat.JOB)
    assert created.filename == "summaries.csv"
    assert created.format == DatasetFormat.JOB
    assert created.size == (DATA / "summaries.csv").stat().st_size
    assert created.ground_truth is True
    assert created.generated is False and created.generated_by is None and created.run_id is None
    complete(DatasetResponse, raw(lumi, f"datasets/{created.id}"))

    listing = lumi.datasets.get_datasets()
    assert listing.total == before + 1
    assert listing.items[0] == created  # newest first
    body = raw(lumi, "datasets")
    complete(ListingResponse[DatasetResponse], body)
    for item in body["items"]:
        complete(DatasetResponse, item)
    assert lumi.datasets.get_dataset(created.id) == created

    lumi.datasets.delete_dataset(created.id)
    assert lumi.datasets.get_datasets().total == before
    with pytest.raises(requests.HTTPError) as gone:
        lumi.datasets.get_dataset(created.id)
    assert gone.value.response.status_code == 404


def test_dataset_without_ground_truth(lumi):
    with open(DATA / "unannotated.csv", "rb") as f:
        created = lumi.datasets.create_dataset(f, DatasetFormat.JOB)
    try:
        assert created.ground_truth is False
    finally:
        lumi.datasets.delete_dataset(created.id)


def test_download_csv_returns_the_rows_as_uploaded(lumi, summaries):
    link = lumi.datasets.get_dataset_link(summaries.id, "csv")
    complete(DatasetDownloadResponse, raw(lumi, f"datasets/{summaries.id}/download?extension=csv"))
    assert link.id == summaries.id
    assert [file_name(u) for u in link.download_urls] == ["dataset.csv"]
    downloaded = fetch(link.download_urls[0])
    assert csv_rows(downloaded.content.decode("utf-8")) == UPLOADED
    # the SDK trims and lower-cases the extension; so does the API for other clients
    assert [
        file_name(u) for u in lumi.datasets.get_dataset_link(summaries.id, " CSV ").download_urls
    ] == ["dataset.csv"]


def test_download_lists_the_original_four_files(lumi, summaries):
    link = lumi.datasets.get_dataset_link(summaries.id)
    assert sorted(file_name(u) for u in link.download_urls) == SAVE_TO_DISK_FILES
    for url in link.download_urls:
        assert fetch(url).content


def test_an_upload_that_is_not_a_dataset_is_refused_with_the_reason(lumi, tmp_path):
    bad = tmp_path / "no-examples.csv"
    bad.write_text("text,summary\nhello,hi\n", encoding="utf-8")
    before = lumi.datasets.get_datasets().total
    with open(bad, "rb") as f, pytest.raises(requests.HTTPError) as refused:
        lumi.datasets.create_dataset(f, DatasetFormat.JOB)
    assert refused.value.response.status_code == 422
    assert refused.value.response.json()["detail"] == "Dataset is missing required fields: examples"
    assert lumi.datasets.get_datasets().total == before
