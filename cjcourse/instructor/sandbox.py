"""Run a student's kernel in a namespace sandbox (bubblewrap) with time and memory limits.

Only the kernel is sandboxed: the trusted side (nbclient, nbgrader, the gradebook) stays
outside. The kernel talks to it through Unix sockets (ZeroMQ ``ipc`` transport) in a private
folder, so it can run with no network at all (``--unshare-net``). Inside the sandbox the kernel
sees the system and the Python environment read-only, the ``cjcourse`` package (for the check
helpers) read-only, and one writable folder: its own copy of the submission. It does not see
``instructor/`` (gradebook, other submissions), ``course/`` (the solutions) or the home folder.

Without bubblewrap the kernel still gets the resource limits (memory, file size), but can read
and write what the instructor's user can: :func:`sandbox_warning` says so in the instructor's
language.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from cjcourse.i18n import t

__all__ = ["SandboxPolicy", "SandboxedKernelManager", "bwrap_available", "sandbox_warning"]

_MB = 1024 * 1024


@dataclass(frozen=True)
class SandboxPolicy:
    """Limits for one notebook's execution.

    ``memory_mb`` caps the memory the kernel can allocate (RLIMIT_DATA: unlike RLIMIT_AS it does not count address space merely reserved, which V8 in vl-convert reserves by the gigabyte); ``file_mb`` the size of any file
    it writes; ``cell_timeout_s`` is nbgrader's per-cell limit (``Execute.timeout``),
    ``notebook_timeout_s`` the limit for the whole notebook, kernel start included.
    """

    memory_mb: int = 3072
    file_mb: int = 64
    cell_timeout_s: int = 120
    notebook_timeout_s: int = 600
    isolate: bool = True  # False: no bubblewrap even where it exists (rlimits only)
    #: whose notebook this is: exported as CJCOURSE_STUDENT_ID so per-student data exercises
    #: (module 5) load that student's shop even though the kernel runs in a temporary folder
    student_id: str = ""


@functools.cache
def bwrap_available() -> bool:
    """True when ``bwrap`` exists and can create the namespaces we need on this machine."""
    exe = shutil.which("bwrap")
    if not exe:
        return False
    probe = [exe, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"]
    try:
        return subprocess.run(probe, capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def sandbox_warning(policy: SandboxPolicy) -> str | None:
    """A message for the instructor when kernels will run without isolation, else ``None``."""
    if not policy.isolate:
        return t("instructor.sandbox.disabled")
    if not bwrap_available():
        return t("instructor.sandbox.unavailable")
    return None


def _readonly_roots() -> list[str]:
    """What the kernel must see (read-only) to run Python with the course's packages."""
    import cjcourse

    roots = {"/usr", "/bin", "/lib", "/lib32", "/lib64", "/sbin", "/etc"}
    for prefix in (sys.prefix, sys.base_prefix, sys.exec_prefix):
        roots.add(str(Path(prefix).resolve()))
    roots.add(str(Path(sys.executable).resolve().parent.parent))
    # the package itself (editable installs point outside site-packages), but not the
    # repository around it: course/ holds the solutions, instructor/ the gradebook.
    roots.add(str(Path(cjcourse.__file__).resolve().parent))
    return sorted(r for r in roots if os.path.exists(r))


def _isolated(path: str) -> list[str]:
    """bwrap binds for a path, following a symlinked top-level folder like /bin -> usr/bin."""
    if os.path.islink(path):
        return ["--symlink", os.readlink(path), path]
    return ["--ro-bind", path, path]


def wrap_command(
    argv: list[str], workdir: Path, runtime_dir: Path, policy: SandboxPolicy
) -> list[str]:
    """``argv`` prefixed with the resource limits and, where possible, bubblewrap."""
    limits = [
        shutil.which("prlimit") or "prlimit",
        f"--data={policy.memory_mb * _MB}",
        f"--fsize={policy.file_mb * _MB}",
        "--core=0",
        "--",
    ]
    identity = {"CJCOURSE_STUDENT_ID": policy.student_id} if policy.student_id else {}
    if not (policy.isolate and bwrap_available()):
        env_prefix = ["env", *(f"{k}={v}" for k, v in identity.items())] if identity else []
        return limits + env_prefix + argv
    home = str(workdir)
    venv_bin = str(Path(sys.executable).parent)
    cmd = [
        shutil.which("bwrap") or "bwrap",
        "--unshare-all",  # net, pid, ipc, uts, cgroup, user: no network, no other processes
        "--die-with-parent",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
    ]
    for root in _readonly_roots():
        cmd += _isolated(root)
    cmd += ["--bind", str(runtime_dir), str(runtime_dir), "--bind", home, home, "--chdir", home]
    cmd += ["--clearenv"]
    env = {
        "HOME": home,
        "PATH": os.pathsep.join([venv_bin, "/usr/local/bin", "/usr/bin", "/bin"]),
        "LANG": "C.UTF-8",
        "NBGRADER_EXECUTION": "autograde",
        "MPLCONFIGDIR": "/tmp",
        "PYTHONDONTWRITEBYTECODE": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "CJCOURSE_LANG": os.environ.get("CJCOURSE_LANG", "es"),
        **identity,
    }
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    return limits + cmd + ["--"] + argv


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel runs under :func:`wrap_command` and talks over Unix sockets.

    Set ``workdir``, ``runtime_dir`` and ``policy`` (class attributes are replaced per instance by
    :func:`cjcourse.instructor.execute.execute_notebook`).
    """

    workdir: Path = Path(".")
    runtime_dir: Path = Path(".")
    policy: SandboxPolicy = SandboxPolicy()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transport = "ipc"
        self.ip = str(Path(self.runtime_dir) / "kernel")
        self.connection_file = str(Path(self.runtime_dir) / "kernel.json")

    def format_kernel_cmd(self, extra_arguments=None):
        argv = super().format_kernel_cmd(extra_arguments)
        return wrap_command(argv, Path(self.workdir), Path(self.runtime_dir), self.policy)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        # The kernel's own console chatter ("To connect another client…") is noise here.
        debug = os.environ.get("CJCOURSE_SANDBOX_LOG")
        sink = open(debug, "ab") if debug else subprocess.DEVNULL  # noqa: SIM115
        kw.setdefault("stdout", sink)
        kw.setdefault("stderr", sink)
        return await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_interrupt_kernel(self) -> None:
        # A signal sent from outside would hit bwrap, not the kernel: ask the kernel itself.
        if not self.has_kernel:
            return
        msg = self.session.msg("interrupt_request", content={})
        self._connect_control_socket()
        self.session.send(self._control_socket, msg)

    interrupt_kernel = _async_interrupt_kernel
