"""The README's Python example runs and prints what its comments say."""

import contextlib
import io
import re

import pytest

from conftest import REPO

pytest.importorskip("spacy")
pytest.importorskip("pandas")


def _example():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def _expected(code):
    """Each print's expected line: its trailing `# …` comment, or the comment line after it."""
    lines = code.splitlines()
    out = []
    for i, line in enumerate(lines):
        if line.startswith("print("):
            if "  # " in line:
                out.append(line.split("  # ", 1)[1])
            else:
                out.append(lines[i + 1].removeprefix("# "))
    return out


def test_readme_python_example():
    code = _example()
    expected = _expected(code)
    assert len(expected) >= 6
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(compile(code, "README.md", "exec"), {})
    assert buffer.getvalue().splitlines() == expected
