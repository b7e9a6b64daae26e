"""Every notebook of docs/notebooks runs from top to bottom without an error
or a warning, is stored without outputs, and only calls course_code."""

import ast
from pathlib import Path

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


#: How nbconvert's templates, and so the built pages, mark a cell's stderr.
STDERR = 'data-mime-type="application/vnd.jupyter.stderr"'


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_executes_without_error_or_warning(path, site):
    """The build executed it (an error stops the build) and no cell warned.

    The site build runs every notebook (mkdocs-jupyter, ``allow_errors:
    false``), so this reads what it wrote instead of running it again: a
    warning, a NumPy overflow among them, is printed to the cell's stderr.
    """
    # A translation, x.zh.ipynb, is the page zh/notebooks/x/.
    stem, chinese = path.stem.removesuffix(".zh"), path.stem.endswith(".zh")
    page = site / ("zh" if chinese else "") / "notebooks" / stem / "index.html"
    html = page.read_text("utf-8")
    assert "jp-OutputArea-output" in html, f"{path.name}: no cell output"
    count = html.count(STDERR)
    assert count == 0, f"{path.name}: {count} cell output(s) on stderr"


@pytest.mark.slow
def test_a_warning_in_a_cell_shows_as_stderr_in_the_page(tmp_path, monkeypatch):
    """The check above can fail: a cell that overflows writes to stderr."""
    from mkdocs_jupyter.convert import nb2html

    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    cell = nbformat.v4.new_code_cell("import numpy as np\nnp.exp(np.array([1e3]))")
    path = tmp_path / "warns.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), path)
    html = nb2html(str(path), execute=True, kernel_name="python3", allow_errors=False)
    assert STDERR in html
    assert "overflow encountered in exp" in html
