"""The examples in the package's docstrings run and say what they show; the stub matches."""

import ast
import doctest
import importlib
from pathlib import Path

import pytest

import indotag
from indotag import _indotag


@pytest.mark.parametrize("module", ["indotag", "indotag._frames", "indotag._spacy"])
def test_docstring_examples(module):
    if module == "indotag._spacy":
        pytest.importorskip("spacy")
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_typing_files_are_installed_and_the_stub_matches_the_native_module():
    package = Path(indotag.__file__).parent
    assert (package / "py.typed").exists()
    stub = ast.parse((package / "_indotag.pyi").read_text(encoding="utf-8"))
    [cls] = [n for n in stub.body if isinstance(n, ast.ClassDef)]
    stubbed = {f.name for f in cls.body if isinstance(f, ast.FunctionDef)} - {"__init__"}
    native = {n for n in dir(_indotag.Tagger) if not n.startswith("_")}
    assert stubbed == native
    for name in stubbed:
        [fn] = [f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == name]
        params = [a.arg for a in fn.args.args][1:]
        sig = getattr(_indotag.Tagger, name).__text_signature__
        assert sig == "($self, " + ", ".join(params) + ")"
