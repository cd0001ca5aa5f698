"""Flag code that may try to game the checks, for the instructor to review (never auto-penalised).

Only what the student wrote is scanned: answer cells and cells they added. The scan parses the
code (IPython syntax such as ``!cmd`` and ``%magic`` included) and looks for:

* ``dunder``   a class that overrides comparison or conversion (``__eq__`` and friends): an
  answer that claims to equal anything;
* ``builtins`` patching built-ins (``builtins``, ``__builtins__``, re-binding ``isinstance``…);
* ``hashlib``  touching hashing (checks compare salted hashes);
* ``checks``   re-defining or patching the check helpers, ``CheckFailed``, IPython's exception
  hooks or events, ``sys.modules``, stack frames;
* ``files``    reading or listing files (``open``, ``os``, ``pathlib``, ``glob``, ``shutil``);
* ``process``  processes, network, signals, exiting the kernel;
* ``dynamic``  ``exec``/``eval``/``compile``/``__import__``/``importlib``.

>>> [f.code for f in scan_source("class A(str):\\n    def __eq__(self, o): return True")]
['dunder']
>>> scan_source("respuesta_1 = 'b'")
[]
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat

from cjcourse.i18n import t

__all__ = ["ScanFlag", "scan_module", "scan_notebook", "scan_source"]

DUNDERS = {
    "__eq__",
    "__ne__",
    "__hash__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__str__",
    "__repr__",
    "__format__",
    "__bool__",
    "__len__",
    "__contains__",
    "__iter__",
    "__getattr__",
    "__getattribute__",
    "__instancecheck__",
    "__subclasscheck__",
    "__class__",
    "__float__",
    "__int__",
    "__index__",
    "__round__",
    "__lower__",
    "casefold",
    "lower",
    "strip",
    "split",
}
SHADOWED_BUILTINS = {
    "isinstance",
    "type",
    "hash",
    "str",
    "repr",
    "sorted",
    "set",
    "float",
    "int",
    "round",
    "abs",
    "getattr",
    "hasattr",
    "setattr",
    "print",
    "len",
    "bool",
    "AssertionError",
    "Exception",
    "__import__",
    "super",
    "object",
}
CHECK_NAMES = re.compile(
    r"^(check_\w+|CheckFailed|answer_hash(es)?|normalise|_lookup|_ok|_hint|set_custom_exc|"
    r"excepthook|showtraceback|_showtraceback|register|modules|_getframe|f_globals|f_locals|"
    r"get_objects|getframeinfo|currentframe|stack)$"
)
FILE_CALLS = {
    "open",
    "listdir",
    "scandir",
    "walk",
    "glob",
    "iglob",
    "read_text",
    "read_bytes",
    "iterdir",
    "rglob",
    "copy",
    "copyfile",
    "copytree",
    "rmtree",
    "remove",
    "unlink",
    "chdir",
    "getcwd",
    "write_text",
    "write_bytes",
    "stat",
    "exists",
}
PROCESS_MODULES = {
    "subprocess",
    "socket",
    "urllib",
    "requests",
    "http",
    "ctypes",
    "signal",
    "multiprocessing",
    "threading",
    "asyncio",
    "pty",
    "resource",
    "psutil",
    "httpx",
}
FILE_MODULES = {"os", "pathlib", "glob", "shutil", "io", "tempfile", "sqlite3", "pickle", "shelve"}
DYNAMIC = {"exec", "eval", "compile", "__import__", "globals", "locals", "vars", "breakpoint"}


@dataclass(frozen=True)
class ScanFlag:
    code: str
    line: int
    snippet: str
    where: str = ""
    notebook: str = ""
    student: str = ""

    @property
    def message(self) -> str:
        return t(f"instructor.scan.{self.code}")


def _python(source: str) -> str:
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:
        return source


class _Visitor(ast.NodeVisitor):
    def __init__(self, lines: list[str]):
        self.lines, self.flags = lines, []

    def flag(self, code: str, node) -> None:
        line = getattr(node, "lineno", 1)
        snippet = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        self.flags.append(ScanFlag(code, line, snippet[:160]))

    def visit_ClassDef(self, node):
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in DUNDERS:
                self.flag("dunder", item)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if CHECK_NAMES.match(node.name):
            self.flag("checks", node)
        if node.name in SHADOWED_BUILTINS:
            self.flag("builtins", node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def _target(self, target, node):
        if isinstance(target, ast.Name):
            if target.id in SHADOWED_BUILTINS:
                self.flag("builtins", node)
            elif CHECK_NAMES.match(target.id):
                self.flag("checks", node)
        elif isinstance(target, ast.Attribute):
            owner = target.value.id if isinstance(target.value, ast.Name) else ""
            if owner in {"hashlib", "builtins", "__builtins__"}:
                self.flag("hashlib" if owner == "hashlib" else "builtins", node)
            elif target.attr in DUNDERS and target.attr.startswith("__"):
                self.flag("dunder", node)
            elif CHECK_NAMES.match(target.attr) or target.attr in SHADOWED_BUILTINS:
                self.flag("checks", node)
        elif isinstance(target, ast.Subscript):
            self._target(target.value, node)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for elt in target.elts:
                self._target(elt, node)

    def visit_Assign(self, node):
        for target in node.targets:
            self._target(target, node)
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        self._target(node.target, node)
        self.generic_visit(node)

    def _module(self, name: str, node):
        top = name.split(".")[0]
        if top == "builtins":
            self.flag("builtins", node)
        elif top == "hashlib":
            self.flag("hashlib", node)
        elif top in {"cjcourse", "nbgrader", "IPython", "inspect", "gc", "sys", "traceback"}:
            self.flag("checks", node)
        elif top in PROCESS_MODULES:
            self.flag("process", node)
        elif top in FILE_MODULES:
            self.flag("files", node)
        elif top in {"importlib", "runpy", "imp"}:
            self.flag("dynamic", node)

    def visit_Import(self, node):
        for alias in node.names:
            self._module(alias.name, node)

    def visit_ImportFrom(self, node):
        self._module(node.module or "", node)

    def visit_Name(self, node):
        if node.id == "__builtins__":
            self.flag("builtins", node)
        elif node.id in DYNAMIC and isinstance(node.ctx, ast.Load):
            self.flag("dynamic", node)
        elif node.id == "get_ipython":
            self.flag("checks", node)

    def visit_Attribute(self, node):
        if node.attr in {"_exit", "system", "kill", "popen", "fork", "abort"}:
            self.flag("process", node)
        elif node.attr in {
            "__globals__",
            "__code__",
            "__closure__",
            "__dict__",
            "__subclasses__",
            "__mro__",
            "__bases__",
            "f_back",
            "f_globals",
        }:
            self.flag("checks", node)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        name = (
            func.id
            if isinstance(func, ast.Name)
            else func.attr
            if isinstance(func, ast.Attribute)
            else ""
        )
        if name in FILE_CALLS:
            self.flag("files", node)
        elif name in {"exit", "quit"}:
            self.flag("process", node)
        self.generic_visit(node)


def scan_source(source: str) -> list[ScanFlag]:
    """Flags for one cell's source (duplicates on one line collapsed)."""
    code = _python(source)
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return []  # code that does not run cannot cheat; the check fails anyway
    visitor = _Visitor(code.splitlines())
    visitor.visit(tree)
    unique = {(f.code, f.line): f for f in visitor.flags}
    return sorted(unique.values(), key=lambda f: (f.line, f.code))


def _student_cells(nb, released: set[str]):
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or cell.source.strip() in released:
            continue  # text cells do not run; released code is the course's own
        if meta.get("solution"):
            yield meta.get("grade_id", f"#{index + 1}"), cell
        elif not meta.get("grade_id"):
            yield t("instructor.scan.added_cell", n=index + 1), cell


def scan_notebook(path: Path, student: str = "", release: Path | None = None) -> list[ScanFlag]:
    """Flags for the cells of ``path`` that the student wrote (not in the ``release`` copy)."""
    nb = nbformat.read(path, as_version=4)
    released = set()
    if release is not None and release.exists():
        released = {c.source.strip() for c in nbformat.read(release, as_version=4).cells}
    flags = []
    for where, cell in _student_cells(nb, released):
        for f in scan_source(cell.source):
            flags.append(ScanFlag(f.code, f.line, f.snippet, where, path.name, student))
    return flags


def scan_module(course, module: str) -> list[ScanFlag]:
    """Scan every repaired submission of ``module``; writes ``reports/<module>/scan.json``."""
    flags = []
    for folder in sorted(course.submitted().glob(f"*/{module}")):
        student = folder.parent.name
        for nb_path in sorted(folder.glob("*.ipynb")):
            try:
                flags.extend(scan_notebook(nb_path, student, course.release(module) / nb_path.name))
            except Exception as exc:
                flags.append(ScanFlag("unreadable", 0, str(exc)[:160], "", nb_path.name, student))
    out = course.reports(module) / "scan.json"
    out.write_text(
        json.dumps(
            [dict(asdict(f), message=f.message) for f in flags], ensure_ascii=False, indent=1
        ),
        "utf-8",
    )
    return flags
