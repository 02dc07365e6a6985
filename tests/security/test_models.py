"""A project file must never run code: the stored code model is numbers, never a pickle."""

from __future__ import annotations

import pickle
import sqlite3
import subprocess
import sys

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sqlalchemy import select

from qualcode.assist import CodeModel, ModelError, load_model, suggest_codes, train_model, uncertainty_queue
from qualcode.assist.model import ModelFormatError
from qualcode.review.queue import QueueFilter, queue, uncertainty_available
from qualcode.store import Project, schema
from tests.assist_data import ELEV, coded_project, teach_fraser
from tests.conftest import ROOT


class WritesAFile:
    """A pickle payload: loading it writes ``path`` (what an attacker would do, but harmless)."""

    def __init__(self, path) -> None:
        self.path = str(path)

    def __reduce__(self):
        return (exec, (f"open({self.path!r}, 'w').write('pwned')",))


@pytest.fixture()
def project(tmp_path, nlp):
    return coded_project(tmp_path, nlp)


def _plant(project: Project, blob: bytes, about: dict | None = None) -> None:
    m = schema.models
    with project.transaction() as conn:
        conn.execute(m.delete())
        conn.execute(m.insert().values(codebook_key="elevutbytte", trained_at=project_now(), about=about or {}, data=blob))


def project_now():
    from qualcode.store.project import now

    return now()


def test_a_malicious_pickle_in_the_models_table_never_runs(project, tmp_path):
    marker = tmp_path / "pwned.txt"
    _plant(project, pickle.dumps(WritesAFile(marker)))
    order = queue(project, QueueFilter("elevutbytte", order="uncertainty"))
    assert order == queue(project, QueueFilter("elevutbytte", order="score"))
    with pytest.raises(ModelError, match=r"p\.qualcode: the model for 'elevutbytte' cannot be read .*pickle.*qualcode train"):
        suggest_codes(project, ELEV)
    with pytest.raises(ModelError, match="never loaded"):
        uncertainty_queue(project, ELEV)
    assert not marker.exists()


def test_a_malicious_pickle_never_runs_through_the_cli(project, tmp_path):
    marker = tmp_path / "pwned.txt"
    _plant(project, pickle.dumps(WritesAFile(marker)))
    project.close()
    script = ("from qualcode.review.queue import QueueFilter, queue; from qualcode.store import Project;"
              f"print(len(queue(Project.open({project.location!r}), QueueFilter('elevutbytte', order='uncertainty'))))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert not marker.exists()


def test_an_npz_holding_an_object_array_is_refused_unread(tmp_path):
    import io

    model = CodeModel().fit(["engelsk", "tysk", "fransk", "venner", "vennskap", "glede"],
                            [{"sprak": i < 3} for i in range(6)])
    good = np.load(io.BytesIO(model.to_bytes()))
    arrays = {name: good[name] for name in good.files}
    arrays["coef"] = np.array([WritesAFile(tmp_path / "pwned.txt")], dtype=object)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # an object array is pickled inside the .npy
    with pytest.raises(ModelFormatError):
        CodeModel.from_bytes(buffer.getvalue())
    assert not (tmp_path / "pwned.txt").exists()


def test_an_npz_declaring_a_huge_array_is_refused_before_allocating():
    import io

    header = np.lib.format.header_data_from_array_1_0(np.zeros(1))
    header["shape"] = (10**12,)
    member = io.BytesIO()
    np.lib.format.write_array_header_1_0(member, header)
    member.write(np.zeros(1).tobytes())
    buffer = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("header", "idf", "coef", "intercept", "calibration"):
            archive.writestr(f"{name}.npy", member.getvalue())
    with pytest.raises(ModelFormatError, match="declares more data than it holds"):
        CodeModel.from_bytes(buffer.getvalue())


def test_a_stored_model_is_arrays_with_its_library_versions(project):
    teach_fraser(project)
    train_model(project, ELEV)
    with project.read() as conn:
        row = conn.execute(select(schema.models.c.about, schema.models.c.data)).one()
    assert row.data[:2] == b"PK" and b"\x80\x04" not in row.data[:64]  # a zip of .npy files, not a pickle
    import sklearn
    assert row.about["versions"]["scikit-learn"] == sklearn.__version__ and row.about["format"] == "npz"
    model, _ = load_model(project, ELEV)
    texts = ["Elevene lærte fraser", "Nye venner"]
    again = CodeModel.from_bytes(model.to_bytes())
    assert np.array_equal(again.predict_proba(texts), model.predict_proba(texts))


def test_a_model_from_another_scikit_learn_version_is_refused_with_the_fix(project):
    import io
    import json

    teach_fraser(project)
    train_model(project, ELEV)
    with project.read() as conn:
        blob = conn.execute(select(schema.models.c.data)).scalar()
    stored = np.load(io.BytesIO(blob))
    arrays = {name: stored[name] for name in stored.files}
    header = json.loads(arrays["header"].tobytes())
    header["versions"]["scikit-learn"] = "0.24.2"
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    with project.transaction() as conn:
        conn.execute(schema.models.update().values(data=buffer.getvalue()))
    with pytest.raises(ModelError, match=r"trained with scikit-learn 0\.24\.2 .*train it again: qualcode train"):
        load_model(project, ELEV)


def test_schema_3_pickled_models_are_marked_stale_and_never_loaded(project, tmp_path):
    marker = tmp_path / "pwned.txt"
    _plant(project, pickle.dumps(WritesAFile(marker)), {"codebook": "elevutbytte", "reviewed": 3})
    project.close()
    con = sqlite3.connect(project.location)
    con.execute("update meta set value = '3' where key = 'schema_version'")
    con.commit()
    con.close()
    with Project.open(project.location) as reopened:
        assert reopened.schema_version == schema.SCHEMA_VERSION
        with reopened.read() as conn:
            row = conn.execute(select(schema.models.c.about, schema.models.c.data)).one()
        assert row.data == b"" and row.about["reviewed"] == 3
        assert not uncertainty_available(reopened, "elevutbytte")
        with pytest.raises(ModelError, match="stored by qualcode 0.2 as a pickle.*Train it again.*qualcode train"):
            load_model(reopened, ELEV)
        train_model(reopened, ELEV)
        assert load_model(reopened, ELEV)[0].categories_
    assert not marker.exists()


def test_code_model_is_a_scikit_learn_estimator():
    model = CodeModel(C=2.0, folds=5)
    assert repr(model) == "CodeModel(C=2.0, folds=5)"
    assert clone(model).get_params() == model.get_params() and clone(model) is not model
    with pytest.raises(NotFittedError):
        model.predict_proba(["engelsk"])
    with pytest.raises(NotFittedError):
        model.to_bytes()
