"""Every ```python block of README.md and docs/ runs, so a broken example fails CI.

Each block runs on its own, in a fresh namespace. A block that only defines plain test
functions (no arguments, no pytest marks, no classes) is executed and each ``test_*``
function called. A block whose tests need pytest (fixtures, marks, test classes) is run as
a test module by an in-process pytest, which must pass every test it collects. A block right
after a ``<!-- not-run -->`` line is only compiled: keep that for what genuinely cannot run
here. A block right after ``<!-- newer-model: Operation -->`` runs where the installed botocore
knows that operation, and is skipped where it does not (CI also runs on botocore 1.35.43).
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from pinpoint_mock.engine import model

ROOT = Path(__file__).resolve().parents[1]
NOT_RUN = "<!-- not-run -->"
_NEWER = re.compile(r"<!-- newer-model: (\w+) -->")
_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w-]*)")


@dataclass(frozen=True)
class Example:
    path: Path
    line: int  # of the opening fence, 1-based
    code: str
    run: bool
    needs: str | None = None  # an operation older botocore models lack

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


def examples_in(path: Path) -> list[Example]:
    lines = path.read_text("utf-8").splitlines()
    found: list[Example] = []
    i = 0
    while i < len(lines):
        opening = _OPEN.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        if opening["lang"] in ("python", "py"):
            body = [
                line[len(indent) :] if line.startswith(indent) else line
                for line in lines[i + 1 : end]
            ]
            before = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            newer = _NEWER.fullmatch(before)
            code = textwrap.dedent("\n".join(body)) + "\n"
            needs = newer[1] if newer else None
            found.append(Example(path, i + 1, code, before != NOT_RUN, needs))
        i = end + 1
    return found


def all_examples() -> list[Example]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [example for page in pages for example in examples_in(page)]


EXAMPLES = all_examples()
# Plugins no example uses; hypothesis's end-of-session summary alone costs a second a run.
_UNUSED_PLUGINS = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:cov")


def _needs_pytest(tree: ast.Module) -> bool:
    """Whether the block's tests need pytest itself: fixtures, marks or test classes."""
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if any("pytest" in ast.unparse(d) for d in node.decorator_list):
                return True
            if node.name.startswith("test") and (node.args.args or node.args.kwonlyargs):
                return True
    return False


def _pytest_ini() -> str:
    """The project's warning filters, for the pytest that runs a block."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: keep pytest's defaults
        return "[pytest]\n"
    options = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]
    filters = options["ini_options"].get("filterwarnings", [])
    return "[pytest]\nfilterwarnings =\n" + "".join(f"    {f}\n" for f in filters)


def test_the_pages_have_examples() -> None:
    assert len(EXAMPLES) >= 10
    assert any(e.path.name == "README.md" for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.where)
def test_example_runs(example: Example, pytester: pytest.Pytester) -> None:
    run(example, pytester)


def run(example: Example, pytester: pytest.Pytester) -> None:
    tree = ast.parse(example.code, filename=example.where)  # even a not-run block must parse
    if not example.run:
        pytest.skip(f"marked {NOT_RUN}")
    if example.needs is not None and example.needs not in model.operation_names():
        pytest.skip(f"the installed botocore has no {example.needs}")
    if _needs_pytest(tree):
        pytester.makeini(_pytest_ini())
        pytester.makepyfile(test_example=example.code)
        result = pytester.runpytest_inprocess("-q", *_UNUSED_PLUGINS)
        outcomes = result.parseoutcomes()
        assert result.ret == 0, f"{example.where}\n" + result.stdout.str()
        assert outcomes.get("passed", 0) >= 1, outcomes
        assert not outcomes.get("skipped"), outcomes
        return
    namespace: dict[str, object] = {"__name__": f"docs_example_{example.line}"}
    module_name = str(namespace["__name__"])
    sys.modules[module_name] = type(sys)(module_name)  # for dataclasses and pickling
    try:
        exec(compile(tree, example.where, "exec"), namespace)
        for name, value in list(namespace.items()):
            if name.startswith("test") and callable(value):
                outcome = value()
                if inspect.iscoroutine(outcome):
                    asyncio.run(outcome)
    except pytest.skip.Exception as skipped:
        pytest.fail(f"{example.where}: an example must run, not skip ({skipped})")
    finally:
        del sys.modules[module_name]


# -- the extractor and the runner themselves ------------------------------------------------

PAGE = """\
Text.

```python
x = 1
```

<!-- not-run -->

```python
import this_module_does_not_exist
```

!!! note

    ```python
    def test_indented():
        assert True
    ```

```bash
echo not python
```
"""


def test_blocks_are_found_with_their_lines_and_marks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, "utf-8")
    found = [(e.line, e.code, e.run) for e in examples_in(page)]
    assert found == [
        (3, "x = 1\n", True),
        (9, "import this_module_does_not_exist\n", False),
        (15, "def test_indented():\n    assert True\n", True),
    ]


@pytest.mark.parametrize(
    "code",
    [
        "def test_plain():\n    assert 1 == 2\n",
        "import pytest\n\n@pytest.mark.parametrize('n', [1])\ndef test_marked(n):\n    assert n == 2\n",
        "def test_fixture(sms_voice_v2):\n    assert sms_voice_v2.calls\n",
        "def test_skipped_is_not_a_pass():\n    import pytest\n    pytest.skip('no')\n",
        "raise RuntimeError('a block that is not a test fails too')\n",
    ],
)
def test_a_broken_example_fails(code: str, pytester: pytest.Pytester) -> None:
    example = Example(ROOT / "docs" / "x.md", 1, code, run=True)
    with pytest.raises((AssertionError, RuntimeError, pytest.fail.Exception)):
        run(example, pytester)


def test_a_newer_model_mark_names_the_operation(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- newer-model: SendRcsMessage -->\n\n```python\nx = 1\n```\n", "utf-8")
    (example,) = examples_in(page)
    assert (example.run, example.needs) == (True, "SendRcsMessage")
