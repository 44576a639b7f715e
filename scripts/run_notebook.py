#!/usr/bin/python3
"""Execute notebooks in the real Deno kernel and record their outputs (Vigil).

Usually started by `deno task notebooks` (scripts/notebooks.ts), which writes a project-local
kernelspec `vigil-deno` into a temp dir and points JUPYTER_PATH at it. Needs Debian's Jupyter:
/usr/bin/python3 with jupyter_client and nbformat (`deno task setup`).

    run_notebook.py [--check] [--timeout S] [--output-dir DIR] [--verify] NOTEBOOK...

For each notebook: start a fresh kernel whose cwd is the notebook's folder (so `../lib/x.ts`
imports work), execute each non-empty code cell in order, collect its outputs, record
execution_count, and stop at the first error (like nbconvert), reporting notebook, cell, ename and
evalue. Cell numbers are 1-based among ALL cells (markdown included), as in lib/notebook_source/source.ts.

Late-output guard: Deno 2.9 can publish a cell's outputs just after it reports idle (e.g. a
display or console.log from a promise or timer that settles late). After a cell's execute_reply
and its idle status, the runner sends a silent, empty "sentinel" execute_request and keeps filing
messages whose parent is the cell (or the sentinel: output cannot come from the empty sentinel, so
it is the cell's late output) under the cell until the sentinel's idle arrives, then drains iopub
until it has been quiet for QUIET_SECONDS (150 ms); a chart cell keeps waiting, up to
CHART_WAIT_SECONDS (10 s), until its chart has arrived.

Chart check: a code cell tagged `chart`, or whose source calls `showChart(`, must have produced an
output whose data holds both `application/vnd.vegalite.v5+json` and `image/png`; otherwise the run
fails. `--verify` only runs this check (and looks for error outputs) on the notebooks as they are,
without a kernel.

Default: write the outputs back to the .ipynb (nbformat's JSON: 1-space indent, sorted keys,
trailing newline), only when every cell succeeded and the chart check passed. `--check` (CI gate):
execute into a temp copy (or into --output-dir), never touch the original; still fails on errors.
Exit status: 0 when all notebooks pass, 1 otherwise, 2 for usage errors.
"""

import argparse
import os
import queue
import re
import shutil
import sys
import tempfile
import time

import nbformat
from jupyter_client.manager import KernelManager
from nbformat.v4 import output_from_msg

QUIET_SECONDS = 0.15
CHART_WAIT_SECONDS = 10
CHART_MIMES = ("application/vnd.vegalite.v5+json", "image/png")
OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class CellFailure(Exception):
    """A cell raised, timed out or the kernel died."""


def source_of(cell):
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


class CellOutputs:
    """Turns iopub messages into nbformat outputs (clear_output and update_display_data too)."""

    def __init__(self, cell, displays):
        self.cell = cell
        self.displays = displays  # display_id -> list of output dicts, across the notebook
        self.clear_pending = False
        self.error = None

    def handle(self, msg):
        kind = msg["msg_type"]
        content = msg["content"]
        if kind == "clear_output":
            if content.get("wait"):
                self.clear_pending = True
            else:
                self.cell.outputs = []
            return
        if kind == "update_display_data":
            for out in self.displays.get(content.get("transient", {}).get("display_id"), []):
                out["data"] = content["data"]
                out["metadata"] = content.get("metadata", {})
            return
        if kind not in OUTPUT_TYPES:
            return
        if self.clear_pending:
            self.cell.outputs = []
            self.clear_pending = False
        if kind == "execute_result":
            self.cell.execution_count = content.get("execution_count")
        out = output_from_msg(msg)
        if kind == "error":
            self.error = out
        last = self.cell.outputs[-1] if self.cell.outputs else None
        if kind == "stream" and last is not None and last.get("output_type") == "stream" \
                and last.get("name") == out.name:
            last["text"] += out.text  # Jupyter's own coalescing keeps diffs small
            return
        self.cell.outputs.append(out)
        display_id = content.get("transient", {}).get("display_id")
        if display_id:
            self.displays.setdefault(display_id, []).append(out)


def collect(kc, parents, outputs, until_idle_of, deadline):
    """Files iopub messages of `parents` under the cell until `until_idle_of` reports idle."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CellFailure("timed out")
        try:
            msg = kc.get_iopub_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            if not kc.is_alive():
                raise CellFailure("the kernel died")
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent not in parents:
            continue
        if msg["msg_type"] == "status":
            if parent == until_idle_of and msg["content"]["execution_state"] == "idle":
                return
            continue
        outputs.handle(msg)


def shell_reply(kc, msg_id, deadline):
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise CellFailure("timed out")
        try:
            reply = kc.get_shell_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            if not kc.is_alive():
                raise CellFailure("the kernel died")
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def execute_cell(kc, cell, displays, timeout):
    cell.outputs = []
    cell.execution_count = None
    outputs = CellOutputs(cell, displays)
    deadline = time.monotonic() + timeout
    msg_id = kc.execute(source_of(cell), store_history=True, allow_stdin=False,
                        stop_on_error=True)
    collect(kc, {msg_id}, outputs, msg_id, deadline)
    reply = shell_reply(kc, msg_id, deadline)
    cell.execution_count = reply["content"].get("execution_count", cell.execution_count)
    # Late-output guard (see module docstring).
    sentinel = kc.execute("", silent=True, store_history=False, allow_stdin=False)
    collect(kc, {msg_id, sentinel}, outputs, sentinel, deadline)
    shell_reply(kc, sentinel, deadline)
    # A chart cell waits longer for its chart on a loaded machine: its late output can come after
    # more than QUIET_SECONDS of silence (seen under load in the gate); other cells stop at quiet.
    chart_deadline = time.monotonic() + (CHART_WAIT_SECONDS if expects_chart(cell) else 0)
    while True:
        waiting_for_chart = not has_chart(cell) and time.monotonic() < chart_deadline
        try:
            msg = kc.get_iopub_msg(timeout=QUIET_SECONDS)
        except queue.Empty:
            if waiting_for_chart and reply["content"].get("status") == "ok":
                continue
            break
        if msg["parent_header"].get("msg_id") in (msg_id, sentinel):
            outputs.handle(msg)
    if reply["content"].get("status") != "ok" or outputs.error is not None:
        err = outputs.error or reply["content"]
        trace = "\n".join(ANSI.sub("", line) for line in err.get("traceback", []))
        raise CellFailure(f"{err.get('ename', 'Error')}: {err.get('evalue', '')}"
                          + (f"\n{trace}" if trace else ""))


def execute_notebook(nb, path, timeout, kernel_name):
    """Runs every code cell of `nb` in a fresh kernel; returns a list of failure messages."""
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=os.path.dirname(os.path.abspath(path)))
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        info = kc.kernel_info(reply=True, timeout=60)["content"].get("language_info")
        if info:
            nb.metadata["language_info"] = info
        displays = {}
        for index, cell in enumerate(nb.cells, start=1):
            if cell.cell_type != "code":
                continue
            if not source_of(cell).strip():
                cell.outputs, cell.execution_count = [], None
                continue
            try:
                execute_cell(kc, cell, displays, timeout)
            except CellFailure as failure:
                if str(failure) == "timed out":
                    km.interrupt_kernel()
                    failure = CellFailure(f"timed out after {timeout} s")
                return [f"notebook {path}, cell {index}: {failure}"]
        return []
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def expects_chart(cell):
    """Whether a code cell must display a chart: tagged `chart`, or calls `showChart(`."""
    tagged = "chart" in cell.get("metadata", {}).get("tags", [])
    return tagged or "showChart(" in source_of(cell)


def has_chart(cell):
    """Whether the cell has an output with both chart MIME types."""
    return any(all(m in out.get("data", {}) for m in CHART_MIMES) for out in cell.get("outputs", []))


def chart_failures(nb, path):
    failures = []
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        tagged = "chart" in cell.get("metadata", {}).get("tags", [])
        if not expects_chart(cell):
            continue
        if not has_chart(cell):
            why = "is tagged chart" if tagged else "calls showChart("
            failures.append(f"notebook {path}, cell {index} {why} but displayed no output with both "
                            f"{CHART_MIMES[0]} and {CHART_MIMES[1]}")
    return failures


def error_outputs(nb, path):
    return [f"notebook {path}, cell {i}: has an error output ({out.get('ename')}: "
            f"{out.get('evalue')})"
            for i, cell in enumerate(nb.cells, start=1) if cell.cell_type == "code"
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="+", metavar="NOTEBOOK")
    parser.add_argument("--check", action="store_true",
                        help="execute into a temp copy; do not write back")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per cell (300)")
    parser.add_argument("--output-dir", help="with --check: where to write the executed copies")
    parser.add_argument("--verify", action="store_true",
                        help="only check the existing outputs (charts, errors); no kernel")
    parser.add_argument("--kernel", default="vigil-deno", help="kernelspec name (vigil-deno)")
    args = parser.parse_args(argv)
    out_dir = args.output_dir or (tempfile.mkdtemp(prefix="vigil-notebooks-") if args.check else None)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    failed = 0
    for path in args.notebooks:
        nb = nbformat.read(path, as_version=4)
        started = time.monotonic()
        if args.verify:
            failures = error_outputs(nb, path) + chart_failures(nb, path)
        else:
            failures = execute_notebook(nb, path, args.timeout, args.kernel)
            failures = failures or chart_failures(nb, path)
        seconds = time.monotonic() - started
        if failures:
            failed += 1
            for failure in failures:
                print(f"run_notebook: FAIL {failure}", file=sys.stderr)
        if args.verify:
            target = None
        elif args.check:
            target = os.path.join(out_dir, os.path.basename(path))
        else:
            target = None if failures else path
        if target:
            nbformat.write(nb, target)
        status = "FAIL" if failures else "ok"
        where = f" -> {target}" if target and target != path and failures else ""
        print(f"run_notebook: {status} {path} ({seconds:.1f} s){where}", file=sys.stderr)
    if out_dir and not args.output_dir and not failed:
        shutil.rmtree(out_dir)  # keep the executed copies only when something failed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
