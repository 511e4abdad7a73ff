"""The public surface: one sorted, complete __all__."""

from __future__ import annotations

import types

import pytest

import factcheck


@pytest.mark.parametrize("module", [factcheck])
def test_api_all_is_sorted(module):
    assert list(module.__all__) == sorted(module.__all__)


@pytest.mark.parametrize("module", [factcheck])
def test_api_all_names_exist(module):
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing


@pytest.mark.parametrize("module", [factcheck])
def test_api_all_imports_are_exported(module):
    """Every public class or function imported into factcheck is in __all__."""
    public = {
        n
        for n, obj in vars(module).items()
        if not n.startswith("_")
        and not isinstance(obj, types.ModuleType)
        and getattr(obj, "__module__", "").startswith("factcheck")
    }
    assert public - set(module.__all__) == set()
