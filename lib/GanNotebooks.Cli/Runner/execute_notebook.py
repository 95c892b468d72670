#!/usr/bin/python3
"""Executes one notebook for `gan run` and always writes what it executed.

Runs every cell through a Jupyter kernel with nbclient, errors in cells allowed (they stay in the outputs, where the
runner reads them). The notebook is saved after every cell, atomically (temporary file, then rename):

  <output-dir>/<name>.partial.ipynb  while running, and when the run ends early
  <output-dir>/<name>.ipynb          when every cell ran (the partial file is then removed)

A run ends early when a cell exceeds its time limit, when the cells together exceed the notebook's time limit (counted
from the first cell's start; the kernel's start has nbclient's own limit), when the kernel dies, or when this process is
asked to stop (SIGINT, SIGTERM, SIGHUP, or the parent process exits). The cell that was running is marked (an error output and
cell metadata "gan_runner"), the kernel's whole process group is killed, and the partial notebook is written.

Standard output is this script's report channel, and only this script writes to it: the kernel's own standard output
and error go to this script's standard error, or to the file --kernel-output names (for grading, where the submitted
code could print anything). Lines on standard output that start with "@gan " tell the parent what happens:
  @gan kernel <pid> <pgid>      the kernel started
  @gan cell-start <n>           cell n (1-based among all cells) started
  @gan cell-done <n>            cell n finished
  @gan outcome <json>           the last line: status, cell, message, notebook path

For grading (`gan grade`), --hidden-cells names a JSON file of extra cells: it is read and deleted before the kernel
starts, and its cells are added to the notebook (and saved) only after every cell of the notebook itself has run, so
the notebook's own code never finds them on disk. --memory-limit-mb stops the run when the resident memory of the
kernel's whole process group passes the limit (checked twice a second).

With --stop-on-error (gan run) the run ends at the first cell whose output is an error, as nbconvert's does: the later
cells are not run, and the partial notebook is kept with that cell marked.

Exit codes: 0 every cell ran; 3 a cell timed out; 4 the kernel died; 5 stopped; 6 the kernel did not start;
7 the notebook's time limit passed; 8 the memory limit passed; 9 a cell failed (--stop-on-error); 2 bad arguments or
nbclient missing.
"""

import argparse
import asyncio
import json
import os
import signal
import sys
import tempfile

EXIT_CODES = {"completed": 0, "timed-out": 3, "kernel-died": 4, "stopped": 5, "failed": 6, "notebook-timed-out": 7,
              "memory-exceeded": 8, "cell-failed": 9}
MARKER = "gan_runner"
STOP_REASONS = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "SIGTERM", signal.SIGHUP: "the terminal closed, SIGHUP"}
UMASK = os.umask(0)
os.umask(UMASK)


def parse_arguments():
    parser = argparse.ArgumentParser(description="Execute one notebook, keeping a partial copy if the run ends early.")
    parser.add_argument("--notebook", required=True, help="the notebook to execute")
    parser.add_argument("--output-dir", required=True, help="where the executed (or partial) notebook goes")
    parser.add_argument("--kernel", required=True, help="the kernel spec name")
    parser.add_argument("--cell-timeout", type=int, required=True, help="whole seconds one cell may run")
    parser.add_argument("--notebook-timeout", type=int, default=None,
                        help="whole seconds all cells together may run, from the first cell's start (default: no limit)")
    parser.add_argument("--cwd", required=True, help="the kernel's working directory")
    parser.add_argument("--hidden-cells", default=None,
                        help="a JSON list of cells to add after the notebook's own; the file is deleted once read")
    parser.add_argument("--memory-limit-mb", type=int, default=None,
                        help="resident memory the kernel's process group may use, in MiB (default: no limit)")
    parser.add_argument("--kernel-output", default=None,
                        help="a file for the kernel's own standard output and error (default: this script's standard error)")
    parser.add_argument("--stop-on-error", action="store_true",
                        help="end the run at the first cell whose output is an error")
    return parser.parse_args()


def describe_seconds(seconds):
    if seconds < 120:
        return f"{seconds:g} s"
    if seconds < 7200:
        return f"{seconds / 60:g} min"
    return f"{seconds / 3600:g} h"


def describe_exit(code):
    if code is None:
        return "exit code unknown"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    if code > 128:  # how a wrapper process (dotnet tool run) reports a child killed by a signal
        try:
            return f"exit code {code}, which means killed by {signal.Signals(code - 128).name}"
        except ValueError:
            pass
    return f"exit code {code}"


def group_resident_mb(pgid):
    """The resident memory, in MiB, of every process in group pgid (read from /proc)."""
    pages = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            if int(fields[2]) != pgid:  # fields after the name: state, ppid, pgrp, ...
                continue
            with open(f"/proc/{entry}/statm", encoding="ascii") as stream:
                pages += int(stream.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return pages * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)


class CellFailed(Exception):
    """A cell's output is an error and the run stops there (--stop-on-error)."""


def announce(*words):
    print("@gan", *words, flush=True)


class NotebookExecution:
    def __init__(self, args, nbformat, client_class, timeout_error, dead_kernel_error):
        self.args = args
        self.nbformat = nbformat
        self.timeout_error = timeout_error
        self.dead_kernel_error = dead_kernel_error
        self.notebook = nbformat.read(args.notebook, as_version=4)
        self.hidden_cells = []
        if args.hidden_cells is not None:
            with open(args.hidden_cells, encoding="utf-8") as stream:
                self.hidden_cells = [nbformat.from_dict(cell) for cell in json.load(stream)]
            os.remove(args.hidden_cells)
        self.client = client_class(
            self.notebook,
            timeout=args.cell_timeout,
            kernel_name=args.kernel,
            allow_errors=True,
            resources={"metadata": {"path": args.cwd}},
        )
        stem = os.path.splitext(os.path.basename(args.notebook))[0]
        self.final_path = os.path.join(args.output_dir, stem + ".ipynb")
        self.partial_path = os.path.join(args.output_dir, stem + ".partial.ipynb")
        self.running_cell = None  # 0-based index of the cell being executed
        self.cells_done = 0
        self.kernel_pgid = None
        self.stop_reason = None
        self.stop_status = None
        self.deadline = None
        self.work = None
        self.peak_memory_mb = 0
        self.failed_cell = None

    async def run(self):
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self.request_stop, STOP_REASONS[number])
        self.work = asyncio.ensure_future(self.execute_cells())
        watcher = asyncio.ensure_future(self.watch_parent(os.getppid()))
        memory = asyncio.ensure_future(self.watch_memory()) if self.args.memory_limit_mb else None
        outcome = None
        try:
            await self.work
            outcome = self.outcome("completed", None, "every cell ran")
        except BaseException as error:  # CancelledError included: a stop cancels the work
            outcome = self.failure_outcome(error)
        finally:
            watcher.cancel()
            if memory is not None:
                memory.cancel()
            if self.deadline is not None:
                self.deadline.cancel()
            await self.shutdown_kernel(immediately=outcome is None or outcome["status"] != "completed")
        if outcome["status"] == "completed":
            self.save(self.final_path)
            if os.path.exists(self.partial_path):
                os.remove(self.partial_path)
        else:
            self.mark(outcome)
            self.save(self.partial_path)
        outcome["notebook"] = self.final_path if outcome["status"] == "completed" else self.partial_path
        announce("outcome", json.dumps(outcome))
        return EXIT_CODES[outcome["status"]]

    def request_stop(self, reason, status="stopped"):
        if self.stop_reason is not None:
            return
        self.stop_reason = reason
        self.stop_status = status
        if self.work is not None:
            self.work.cancel()

    async def watch_parent(self, parent):
        while True:
            await asyncio.sleep(1)
            if os.getppid() != parent:
                self.request_stop("the runner exited")
                return

    async def watch_memory(self):
        while True:
            await asyncio.sleep(0.5)
            if not self.kernel_pgid:
                continue
            used = group_resident_mb(self.kernel_pgid)
            self.peak_memory_mb = max(self.peak_memory_mb, used)
            if used > self.args.memory_limit_mb:
                try:
                    os.killpg(self.kernel_pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
                self.request_stop(f"{used} MiB", "memory-exceeded")
                return

    async def execute_cells(self):
        client = self.client
        client.create_kernel_manager()
        if self.args.kernel_output is not None:
            kernel_output = open(self.args.kernel_output, "ab")  # closed when this process exits
        else:
            kernel_output = sys.stderr
        # Never this script's standard output: the report channel must carry only what this script writes.
        await client.async_start_new_kernel(cwd=self.args.cwd, stdout=kernel_output, stderr=kernel_output)
        provisioner = getattr(client.km, "provisioner", None)
        self.kernel_pgid = getattr(provisioner, "pgid", None)
        announce("kernel", getattr(provisioner, "pid", None) or 0, self.kernel_pgid or 0)
        await client.async_start_new_kernel_client()
        if self.args.notebook_timeout is not None:
            self.deadline = asyncio.get_running_loop().call_later(
                self.args.notebook_timeout, self.request_stop, "the notebook's time limit", "notebook-timed-out")
        index = 0
        while True:
            if index == len(self.notebook.cells):
                if not self.hidden_cells:
                    break
                self.notebook.cells.extend(self.hidden_cells)  # only now, after the notebook's own cells ran
                self.hidden_cells = []
            cell = self.notebook.cells[index]
            if cell.cell_type == "code" and cell.source.strip():
                self.running_cell = index
                announce("cell-start", index + 1)
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                self.running_cell = None
                self.cells_done += 1
                announce("cell-done", index + 1)
                self.save(self.partial_path)
                if self.args.stop_on_error and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
                    self.failed_cell = index
                    raise CellFailed()
            index += 1

    def failure_outcome(self, error):
        if isinstance(error, CellFailed):
            failed = self.failed_cell
            output = next(o for o in self.notebook.cells[failed].outputs if o.get("output_type") == "error")
            first_line = (str(output.get("evalue", "")).strip().splitlines() or [""])[0]
            return self.outcome("cell-failed", failed, f"cell {failed + 1} failed ({output.get('ename', 'error')}: {first_line}); "
                                "the cells after it were not run")
        cell = self.running_cell
        where = f"cell {cell + 1}" if cell is not None else None
        if self.stop_status == "memory-exceeded":
            during = f"while running {where}" if where else "between cells"
            return self.outcome("memory-exceeded", cell, f"stopped {during}: the kernel used {self.stop_reason}, "
                                f"over the memory limit of {self.args.memory_limit_mb} MiB")
        if self.stop_status == "notebook-timed-out":
            during = f"while running {where}" if where else "between cells"
            limit = describe_seconds(self.args.notebook_timeout)
            return self.outcome("notebook-timed-out", cell, f"stopped after {limit}, the notebook's time limit, {during}")
        if self.stop_reason is not None:
            during = f"while {where} was running" if where else "while the kernel was starting" if self.cells_done == 0 else "between cells"
            return self.outcome("stopped", cell, f"the run was stopped ({self.stop_reason}) {during}")
        if isinstance(error, self.timeout_error) and where:
            return self.outcome("timed-out", cell, f"{where} timed out after {describe_seconds(self.args.cell_timeout)}")
        if isinstance(error, self.dead_kernel_error) and where:
            return self.outcome("kernel-died", cell, f"the kernel died while running {where} ({describe_exit(self.kernel_exit_code())})")
        if cell is None and self.cells_done == 0:
            return self.outcome("failed", None, f"the kernel did not start: {type(error).__name__}: {error}")
        text = f"{type(error).__name__}: {error}"
        return self.outcome("failed", cell, f"the run failed {'in ' + where if where else 'between cells'}: {text}")

    def outcome(self, status, cell, message):
        return {
            "status": status,
            "cell": None if cell is None else cell + 1,
            "cells_done": self.cells_done,
            "message": message,
            "cell_timeout_seconds": self.args.cell_timeout,
            "notebook_timeout_seconds": self.args.notebook_timeout,
        }

    def kernel_exit_code(self):
        provisioner = getattr(self.client.km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        return None if process is None else process.poll()

    async def shutdown_kernel(self, immediately):
        from nbclient.util import ensure_async

        manager = self.client.km
        try:
            if manager is not None and manager.has_kernel:
                if await ensure_async(manager.is_alive()):
                    await ensure_async(manager.shutdown_kernel(now=immediately))
                else:
                    await ensure_async(manager.cleanup_resources())
        except Exception as error:  # the kernel's group is killed below in any case
            print(f"shutting the kernel down: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        finally:
            if self.client.kc is not None:
                self.client.kc.stop_channels()
            if immediately and self.kernel_pgid:
                try:
                    os.killpg(self.kernel_pgid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass

    def mark(self, outcome):
        self.notebook.metadata[MARKER] = {key: value for key, value in outcome.items() if value is not None}
        if outcome["cell"] is None:
            return
        cell = self.notebook.cells[outcome["cell"] - 1]
        cell.metadata[MARKER] = {"status": outcome["status"], "message": outcome["message"]}
        if outcome["status"] == "cell-failed":
            return  # the cell's own error output says what went wrong
        names = {"memory-exceeded": "MemoryLimitExceeded", "timed-out": "CellTimedOut", "kernel-died": "KernelDied", "stopped": "RunStopped", "failed": "RunFailed",
                 "notebook-timed-out": "NotebookTimedOut"}
        cell.setdefault("outputs", []).append(self.nbformat.v4.new_output(
            "error", ename=names[outcome["status"]], evalue=outcome["message"], traceback=[outcome["message"]]))

    def save(self, path):
        folder = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
        try:
            os.chmod(temporary, 0o666 & ~UMASK)  # mkstemp creates owner-only files; give the usual permissions
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                self.nbformat.write(self.notebook, stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.remove(temporary)
            raise


def main():
    args = parse_arguments()
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellTimeoutError, DeadKernelError
    except ImportError as error:
        print(f"Python's nbclient or nbformat is missing for {sys.executable} ({error}). "
              "Install them with: sudo environment/setup.sh (Debian packages python3-nbclient, python3-nbformat).",
              file=sys.stderr)
        return 2
    os.makedirs(args.output_dir, exist_ok=True)
    execution = NotebookExecution(args, nbformat, NotebookClient, CellTimeoutError, DeadKernelError)
    return asyncio.run(execution.run())


if __name__ == "__main__":
    sys.exit(main())
