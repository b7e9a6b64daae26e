"""Every notebook of docs/notebooks runs from top to bottom without an error
or a warning, is stored without outputs, and only calls course_code."""

import ast
from pathlib import Path

import nbclient
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "docs" / "notebooks").glob("*.ipynb"))
EXPECTED = {"compare", "dead_relu", "depth", "linear_collapse", "selu"}


def _read(path):
    return nbformat.read(path, as_version=4)


def _code(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def test_the_five_notebooks_exist():
    assert {path.stem for path in NOTEBOOKS} >= EXPECTED


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_clean(path):
    nb = _read(path)
    nbformat.validate(nb)
    for cell in _code(nb):
        assert cell.outputs == [], f"{path.name}: clear the outputs before saving"
        assert cell.execution_count is None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_defines_no_library_code(path):
    for cell in _code(_read(path)):
        source = "\n".join(
            line for line in cell.source.splitlines() if not line.startswith("%")
        )
        for node in ast.walk(ast.parse(source)):
            assert not isinstance(node, (ast.FunctionDef, ast.ClassDef)), (
                f"{path.name} defines {node.name}: put it in course_code"
            )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executes_without_error_or_warning(path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    # A numerical warning (overflow, invalid value) in the kernel is an error.
    monkeypatch.setenv("PYTHONWARNINGS", "error::RuntimeWarning")
    monkeypatch.delenv("MPLBACKEND", raising=False)
    # The matrices are small: BLAS threads only cost, and on a busy machine
    # their spinning makes a notebook ten times slower.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        monkeypatch.setenv(var, "1")
    nb = _read(path)
    client = nbclient.NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, on an error
    for cell in _code(nb):
        for output in cell.outputs:
            assert output.get("name") != "stderr", (
                f"{path.name}: a cell wrote to stderr:\n{output.get('text')}"
            )
