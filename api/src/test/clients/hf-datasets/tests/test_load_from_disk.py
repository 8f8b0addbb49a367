"""datasets.load_from_disk on a downloaded copy of each dataset returns what its CSV holds."""

import json
import re
import uuid
from pathlib import Path

import datasets
import pytest
import requests
from conftest import FILES, SAMPLE_DATA, Api, csv_table, download, file_name

STRING = datasets.Value("string")


def sample(name: str) -> tuple[str, bytes]:
    return name, (SAMPLE_DATA / name).read_bytes()

CRAFTED = (
    "examples,ground_truth,extra\r\n"
    '"multi\nline, with ""quotes""",é中文🐊 ünïcode,\r\n'
    ',"",z\r\n'
    '"  spaced  ",NA,"a\r\nb"\r\n'
    "short row,only two\r\n"
    'null,None,"x ""y"" z"\n'
).encode()


def loaded(api: Api, dataset_id: str, tmp_path: Path) -> datasets.Dataset:
    folder = download(api, dataset_id, tmp_path / "copy")
    ds = datasets.load_from_disk(str(folder))
    assert isinstance(ds, datasets.Dataset)
    return ds


def assert_same_as_csv(ds: datasets.Dataset, content: bytes) -> None:
    header, rows = csv_table(content)
    assert ds.column_names == header
    assert ds.features == datasets.Features({c: STRING for c in header})
    assert ds.num_rows == len(rows)
    assert ds.split == "train"
    assert ds.to_list() == rows


@pytest.mark.parametrize(
    "filename, content",
    [
        ("crafted.csv", CRAFTED),
        # a byte-order mark, an empty column and no ground_truth column at all
        ("no ground truth.csv", "\ufeffexamples,empty\nfirst,\nsecond,\n".encode()),
        sample("dialogsum_500.csv"),
        sample("dialogsum_mini_empty_gt.csv"),
        sample("sample_translation_en_de.csv"),
    ],
    ids=["crafted", "no-ground-truth", "dialogsum_500", "empty-ground-truth", "translation"],
)
def test_an_uploaded_dataset_loads_as_its_csv(api, tmp_path, filename, content):
    created = api.upload(filename, content)
    try:
        ds = loaded(api, created["id"], tmp_path)
        assert_same_as_csv(ds, content)
        # the CSV beside it reads the same as the upload, row for row
        assert csv_table((tmp_path / "copy/dataset.csv").read_bytes()) == csv_table(content)
        info = json.loads((tmp_path / "copy/dataset_info.json").read_text("utf-8"))
        assert info["splits"]["train"]["num_examples"] == ds.num_rows
        assert info["download_size"] == len(content) == created["size"]
        state = json.loads((tmp_path / "copy/state.json").read_text("utf-8"))
        assert state["_split"] == "train" and re.fullmatch("[0-9a-f]{16}", state["_fingerprint"])
    finally:
        api.delete(created["id"])


def test_the_ground_truth_less_dataset_is_one_of_string_columns_only(api, tmp_path):
    created = api.upload("plain.csv", b'examples\nhello\n""\n')
    try:
        assert created["ground_truth"] is False
        ds = loaded(api, created["id"], tmp_path)
        assert ds.features == datasets.Features({"examples": STRING})
        assert ds["examples"] == ["hello", None]
        # what a user then does with it works off the Arrow table as with the original's
        assert ds.filter(lambda r: r["examples"] is not None).num_rows == 1
    finally:
        api.delete(created["id"])


def test_download_csv_is_still_the_csv_alone(api):
    created = api.upload("one.csv", b"examples,ground_truth\nx,y\n")
    try:
        assert [file_name(u) for u in api.download_urls(created["id"], "csv")] == ["dataset.csv"]
        assert [file_name(u) for u in api.download_urls(created["id"], "arrow")] == [FILES[0]]
        assert [file_name(u) for u in api.download_urls(created["id"], "")] == FILES
    finally:
        api.delete(created["id"])


def test_deleting_a_dataset_removes_every_file(api):
    created = api.upload("gone.csv", b"examples\nx\n")
    urls = api.download_urls(created["id"])
    assert [requests.get(u, timeout=30).status_code for u in urls] == [200] * 4
    api.delete(created["id"])
    # the presigned URLs were signed before the delete: the objects themselves are gone
    assert [requests.get(u, timeout=30).status_code for u in urls] == [404] * 4
    api.call("GET", f"datasets/{created['id']}/download", 404)


def test_a_generated_dataset_loads_as_its_csv(api, tmp_path):
    source = api.upload(*sample("dialogsum_exc.csv"))
    job = api.call(
        "POST",
        "jobs/inference/",
        201,
        json={
            "name": f"hf-datasets lead-3 {uuid.uuid4().hex[:8]}",
            "dataset": source["id"],
            "job_config": {
                "job_type": "inference",
                "model": "lead-3",
                "provider": "baseline",
                "store_to_dataset": True,
            },
        },
    ).json()
    generated = None
    try:
        done = api.until(
            f"job {job['id']}",
            lambda: api.call("GET", f"jobs/{job['id']}", 200).json(),
            lambda j: j["status"].lower() in {"succeeded", "failed", "stopped"},
        )
        assert done["status"].lower() == "succeeded", done
        generated = api.call("GET", f"jobs/{job['id']}/dataset", 200).json()
        assert generated["generated"] is True and generated["generated_by"] == "lead-3"

        ds = loaded(api, generated["id"], tmp_path)
        csv_bytes = (tmp_path / "copy/dataset.csv").read_bytes()
        assert_same_as_csv(ds, csv_bytes)
        assert ds.column_names == ["examples", "ground_truth", "predictions"]
        _, source_rows = csv_table(sample("dialogsum_exc.csv")[1])
        assert ds["examples"] == [r["examples"] for r in source_rows]
        assert all(p for p in ds["predictions"])
    finally:
        if generated is not None:
            api.delete(generated["id"])
        api.delete(source["id"])
