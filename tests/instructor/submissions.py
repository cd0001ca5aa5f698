"""Broken and hostile submissions, generated from a module's release and sources (no binary blobs).

Each case is a function ``(Kit) -> {file name: bytes}`` plus its expected outcome. The cases work
on any module: they use "the first/second/… autograded answer" of the module's first exercise
notebook, so new modules are covered without editing this file.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import nbformat


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_answer(cell) -> bool:
    return cell.cell_type == "code" and _meta(cell).get("solution") and not _meta(cell).get("grade")


def is_test(cell) -> bool:
    return cell.cell_type == "code" and _meta(cell).get("grade") and not _meta(cell).get("solution")


@dataclass
class Kit:
    """A module's first exercise notebook: release copy, solutions, and (answer, test) pairs."""

    name: str
    release: nbformat.NotebookNode
    solution: dict[str, str]  # answer grade id -> solution source
    pairs: list[tuple[str, str, float]]  # (answer grade id, test grade id, points)

    @classmethod
    def load(cls, release_path: Path, source_path: Path) -> Kit:
        release = nbformat.read(release_path, as_version=4)
        source = nbformat.read(source_path, as_version=4)
        solution = {_meta(c)["grade_id"]: c.source for c in source.cells if is_answer(c)}
        pairs, last_answer = [], None
        for cell in release.cells:
            if is_answer(cell):
                last_answer = _meta(cell)["grade_id"]
            elif is_test(cell) and last_answer:
                pairs.append((last_answer, _meta(cell)["grade_id"], float(_meta(cell)["points"])))
                last_answer = None
        return cls(release_path.name, release, solution, pairs)

    @property
    def total(self) -> float:
        return sum(p for _, _, p in self.pairs)

    def solved(self) -> nbformat.NotebookNode:
        nb = copy.deepcopy(self.release)
        for cell in nb.cells:
            if is_answer(cell):
                cell.source = self.solution[_meta(cell)["grade_id"]]
        return nb

    def with_answer(self, i: int, source: str, nb=None) -> nbformat.NotebookNode:
        nb = nb or self.solved()
        gid = self.pairs[i][0]
        for cell in nb.cells:
            if _meta(cell).get("grade_id") == gid:
                cell.source = source
        return nb

    def index_of(self, nb, gid: str) -> int:
        return next(i for i, c in enumerate(nb.cells) if _meta(c).get("grade_id") == gid)


def dump(nb) -> bytes:
    return nbformat.writes(nb).encode()


# --------------------------------------------------------------------------- broken (point 2)


def solucion(kit):
    return {kit.name: dump(kit.solved())}


def en_blanco(kit):
    return {kit.name: dump(kit.release)}


def borra_comprobacion(kit):
    nb = kit.solved()
    del nb.cells[kit.index_of(nb, kit.pairs[0][1])]
    return {kit.name: dump(nb)}


def borra_respuesta(kit):
    nb = kit.solved()
    del nb.cells[kit.index_of(nb, kit.pairs[0][0])]
    return {kit.name: dump(nb)}


def duplica(kit):
    nb = kit.solved()
    i = kit.index_of(nb, kit.pairs[0][0])
    stub = copy.deepcopy(kit.release.cells[kit.index_of(kit.release, kit.pairs[0][0])])
    nb.cells.insert(i, stub)  # the blank copy first, the answered one after it
    j = kit.index_of(nb, kit.pairs[1][1])
    nb.cells.insert(j, copy.deepcopy(nb.cells[j]))  # a duplicated test cell too
    return {kit.name: dump(nb)}


def cambia_tipo(kit):
    nb = kit.solved()
    i = kit.index_of(nb, kit.pairs[0][0])
    old = nb.cells[i]
    nb.cells[i] = nbformat.v4.new_markdown_cell(old.source, metadata=old.metadata)
    j = kit.index_of(nb, kit.pairs[1][1])
    old = nb.cells[j]
    nb.cells[j] = nbformat.v4.new_raw_cell(old.source, metadata=old.metadata)
    return {kit.name: dump(nb)}


def reordena(kit):
    nb = kit.solved()
    nb.cells = list(reversed(nb.cells))
    return {kit.name: dump(nb)}


def mueve(kit):
    nb = kit.solved()
    i = kit.index_of(nb, kit.pairs[-1][0])
    cell = nb.cells.pop(i)
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("mis notas"), cell])
    return {kit.name: dump(nb), "mis_respuestas.ipynb": dump(other)}


def renombra(kit):
    return {kit.name.replace(".ipynb", " (1).ipynb"): dump(kit.solved())}


def copia_extra(kit):
    return {
        kit.name: dump(kit.release),
        kit.name.replace(".ipynb", "-Copy1.ipynb"): dump(kit.solved()),
    }


def json_truncado(kit):
    data = dump(kit.solved())
    return {kit.name: data[: int(len(data) * 0.75)]}


def no_es_json(kit):
    return {kit.name: b"<<<<<<< HEAD\nesto no es un cuaderno\n=======\n>>>>>>> otra\n"}


def vacio(kit):
    return {kit.name: b""}


# --------------------------------------------------------------------------- hostile (point 3)


def bucle_infinito(kit):
    return {kit.name: dump(kit.with_answer(0, "while True:\n    pass\n"))}


def traga_interrupcion(kit):
    code = (
        "import time\nwhile True:\n    try:\n        time.sleep(0.2)\n"
        "    except KeyboardInterrupt:\n        pass\n"
    )
    return {kit.name: dump(kit.with_answer(len(kit.pairs) - 1, code))}


def memoria(kit):
    return {
        kit.name: dump(
            kit.with_answer(0, "x = bytearray(16 * 1024**3)\n" + kit.solution[kit.pairs[0][0]])
        )
    }


def mata_kernel(kit):
    return {kit.name: dump(kit.with_answer(2, "import os\nos._exit(0)\n"))}


def red(kit, port: int):
    code = (
        "import socket\ntry:\n"
        f"    socket.create_connection(('127.0.0.1', {port}), timeout=3).close()\n"
        "    print('RED: CONECTADO')\nexcept OSError as e:\n    print('RED: SIN RED', e)\n"
    )
    return {kit.name: dump(kit.with_answer(0, code + kit.solution[kit.pairs[0][0]]))}


def escribe_fuera(kit, targets: list[str]):
    code = f"for p in {targets!r}:\n    try:\n        open(p, 'a').write('hackeado')\n        print('ESCRITO', p)\n    except OSError as e:\n        print('BLOQUEADO', p, type(e).__name__)\n"
    return {kit.name: dump(kit.with_answer(0, code + kit.solution[kit.pairs[0][0]]))}


def lee_ajenos(kit, targets: list[str]):
    code = f"for p in {targets!r}:\n    try:\n        open(p, 'rb').read(10)\n        print('LEIDO', p)\n    except OSError as e:\n        print('BLOQUEADO', p, type(e).__name__)\n"
    return {kit.name: dump(kit.with_answer(0, code + kit.solution[kit.pairs[0][0]]))}


def eq_trampa(kit):
    var = kit.solution[kit.pairs[0][0]].split("=")[0].split("\n")[-1].strip()
    code = (
        "class Todo(str):\n    def __eq__(self, other):\n        return True\n"
        "    def __hash__(self):\n        return 0\n"
        f"{var} = Todo('a')\n"
    )
    return {kit.name: dump(kit.with_answer(0, code))}


def parchea_checks(kit):
    code = (
        "import hashlib, builtins\n"
        "check_choice = check_choices = check_mapping = check_table = check_number = check_text = "
        "lambda *a, **k: print('✔ ¡Correcto!')\n"
        "builtins.isinstance = lambda *a: True\n"
    )
    return {kit.name: dump(kit.with_answer(0, code))}


def sin_entrega(kit):  # a student on the roster who handed in nothing
    return {}


def passed_of(kit, skip: set[int]) -> float:
    return sum(p for i, (_, _, p) in enumerate(kit.pairs) if i not in skip)


def write_case(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


__all__ = ["Kit", "json"]
