"""The exact values kept on disk between runs are the values computed afresh.

``mpmath_reference.evaluate`` keeps its tables in ``.cache/mpmath`` so that a
second ``pytest`` does not spend minutes in mpmath again; a table read back
must be the same, bit for bit, and anything that could change it must name
another file.
"""

import mpmath_reference as ref
import numpy as np
import pytest

XS = np.array([-800.0, -3.0, -0.5, -0.0, 0.0, 1e-300, 0.5, 3.0, 20.0, 1e300])


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(ref, "CACHE_DIR", tmp_path / "mpmath")
    ref._evaluate_cached.cache_clear()
    yield tmp_path / "mpmath"
    ref._evaluate_cached.cache_clear()


def same(a, b):
    return all(
        np.array_equal(x, y, equal_nan=True)
        and np.signbit(x).tolist() == np.signbit(y).tolist()
        for x, y in zip(a, b, strict=True)
    )


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_a_table_read_back_equals_the_table_computed(cache_dir, dtype):
    cold = ref.evaluate("gelu", XS, dtype)
    (path,) = cache_dir.iterdir()
    ref._evaluate_cached.cache_clear()
    warm = ref.evaluate("gelu", XS, dtype)
    assert same(cold, warm)
    assert same(warm, ref._compute_table("gelu", XS, dtype))
    assert list(cache_dir.iterdir()) == [path]  # read, not written again


def test_other_points_dtype_or_function_name_another_file(cache_dir):
    raw = XS.tobytes()
    paths = {
        ref.cache_path("gelu", "float64", raw),
        ref.cache_path("gelu", "float32", raw),
        ref.cache_path("silu", "float64", raw),
        ref.cache_path("gelu", "float64", XS[1:].tobytes()),
    }
    assert len(paths) == 4


def test_the_key_follows_the_reference_code_and_mpmath(monkeypatch):
    before = ref.code_hash("leaky_relu"), ref.code_hash("gelu")
    # A constant the function reads (through a closure) changes its key only.
    monkeypatch.setitem(ref._TRIPLES, "leaky_relu", ref._leaky(ref.mpf(0.02)))
    ref.code_hash.cache_clear()
    assert ref.code_hash("leaky_relu") != before[0]
    assert ref.code_hash("gelu") == before[1]
    monkeypatch.setattr(ref.mpmath, "__version__", "0.0-other")
    ref.code_hash.cache_clear()
    assert ref.code_hash("gelu") != before[1]
    monkeypatch.undo()
    ref.code_hash.cache_clear()
    assert (ref.code_hash("leaky_relu"), ref.code_hash("gelu")) == before


def test_a_damaged_file_is_computed_again(cache_dir):
    cold = ref.evaluate("tanh", XS, "float64")
    (path,) = cache_dir.iterdir()
    path.write_bytes(path.read_bytes()[:100])
    ref._evaluate_cached.cache_clear()
    assert same(ref.evaluate("tanh", XS, "float64"), cold)
    ref._evaluate_cached.cache_clear()
    assert same(ref.evaluate("tanh", XS, "float64"), cold)  # rewritten whole
    assert [p.suffix for p in cache_dir.iterdir()] == [".npz"]  # no temporary left
