"""Grades one LiveCodeBench sample with the semantics of the official runner.

Reproduces lcb_runner/evaluation/testing_util.py at LiveCodeBench/LiveCodeBench head 28fef95
(2025-07-15; grading last changed in 16de2a1, 2025-05-23). Written independently; every behaviour
below that looks odd is deliberate, because it changes verdicts the same way the official runner does:

- the import header is prepended; stdin code has a trailing `if __name__ == '__main__':` guard
  unwrapped, top-level imports hoisted and the rest wrapped in `wrapped_function` (via ast.unparse);
- compile (exec of the module) runs under the per-test alarm; "class Solution" anywhere in the code
  means the module's Solution() is instantiated;
- stdin mocks: sys.stdin is a fake whose read/readline/readlines/buffer behave as the official one,
  and builtins.open is a mock_open over the input; the official also patches read/readline/readlines
  of the stdin it replaces (it enters its patches bottom-up), which we mirror;
- sys.stdout during a stdin test is a StringIO whose close() takes one argument (calling it fails);
- SystemExit is swallowed, other exceptions give -4 (or -3 when the repr names TimeoutException);
- comparison: whole output stripped, split on "\\n", lines stripped, counts must match, then each
  line equal or equal as a list of Decimals; call-based: tuple -> list, then `==`;
- compile errors and grader errors give [-4] with "Error during testing: <exception text>";
- reliability_guard as official (note: `builtins.exit = None` is commented out at head, quit is not).
"""
import ast
import builtins
import faulthandler
import json
import signal
import sys
import time
from decimal import Decimal
from io import StringIO
from types import ModuleType
from unittest.mock import mock_open, patch

try:  # the official module imports numpy; keep it loaded so a sample's `import numpy` costs the same
    import numpy
except ImportError:  # pragma: no cover - the runtime image is expected to have python3-numpy
    numpy = None

IMPORT_HEADER = (
    "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\n"
    "from heapq import *\nfrom bisect import *\nfrom copy import *\nfrom math import *\n"
    "from random import *\nfrom statistics import *\nfrom itertools import *\nfrom functools import *\n"
    "from operator import *\nfrom io import *\nfrom sys import *\nfrom json import *\n"
    "from builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\n"
    "import statistics\nimport itertools\nimport functools\nimport operator\nimport io\nimport sys\n"
    "import json\nsys.setrecursionlimit(50000)\n"
)

WRAPPED_FUNCTION = "wrapped_function"


def truncate(value, length=300):
    text = value if isinstance(value, str) else str(value)
    if len(text) <= length:
        return text
    half = length // 2
    return text[:half] + "...(truncated) ..." + text[-half:]


class TimeoutException(Exception):
    """The per-test alarm. Its name matters: verdicts test `"timeoutexception" in repr(e).lower()`."""


def _on_alarm(signum, frame):
    print("timeout occured: alarm went off")
    raise TimeoutException


class _CapturedStdout(list):
    def __enter__(self):
        self._previous = sys.stdout
        self._buffer = StringIO()
        self._buffer.close = lambda x: 1  # as official: a sample calling sys.stdout.close() gets a TypeError
        sys.stdout = self._buffer
        return self

    def __exit__(self, *exc):
        self.append(self._buffer.getvalue())
        del self._buffer
        sys.stdout = self._previous


class _FakeStdinBytes:
    def __init__(self, text):
        self._data = text.encode("utf-8")

    def read(self, *args):
        return self._data

    def readline(self, *args):
        return self._data.split(b"\n")[0] + b"\n"


class _FakeStdin:
    """No __iter__ on purpose: `for line in sys.stdin` fails with the official mock too."""

    def __init__(self, text):
        self._text = text
        self._lines = StringIO(text)
        self.buffer = _FakeStdinBytes(text)

    def read(self, *args):
        return self._text

    def readline(self, *args):
        return self._lines.readline(*args)

    def readlines(self, *args):
        return self._text.split("\n")

    def __getattr__(self, name):
        return getattr(self._lines, name)


def strip_main_guard(code):
    try:
        tree = ast.parse(code)
        last = tree.body[-1]
        if isinstance(last, ast.If) and ast.unparse(last.test).strip() == "__name__ == '__main__'":
            code = ast.unparse(tree.body[:-1]) + "\n" + ast.unparse(last.body)
    except Exception:
        pass
    return code


def wrap_in_function(code):
    try:
        tree = ast.parse(code)
        imports = [s for s in tree.body if isinstance(s, (ast.Import, ast.ImportFrom))]
        others = [s for s in tree.body if not isinstance(s, (ast.Import, ast.ImportFrom))]
        no_args = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
        function = ast.FunctionDef(name=WRAPPED_FUNCTION, args=no_args, body=others, decorator_list=[], lineno=-1)
        return IMPORT_HEADER + "\n" + ast.unparse(imports) + "\n" + ast.unparse(function)
    except Exception:
        return code


def _run_with_stdin(method, inputs):
    if isinstance(inputs, list):
        inputs = "\n".join(inputs)
    lines = iter(inputs.split("\n"))
    with patch("sys.stdin.read", lambda *a: inputs), \
            patch("sys.stdin.readlines", lambda *a: inputs.split("\n")), \
            patch("sys.stdin.readline", lambda *a: next(lines)), \
            patch("sys.stdin", _FakeStdin(inputs)), \
            patch("builtins.open", mock_open(read_data=inputs)):
        try:
            return method()
        except SystemExit:
            pass


def _lookup(compiled, name):
    try:
        return getattr(compiled, name) if hasattr(compiled, name) else None
    except Exception:
        return None


def compile_sample(code, timeout):
    signal.alarm(timeout)
    try:
        module = ModuleType("tmp_sol", "")
        exec(code, module.__dict__)
        compiled = module.Solution() if "class Solution" in code else module
        assert compiled is not None
    finally:
        signal.alarm(0)
    return compiled


def _as_decimals(line):
    try:
        return True, [Decimal(part) for part in line.split()]
    except Exception:
        return False, []


def _stripped_lines(text):
    return [line.strip() for line in text.strip().split("\n")]


def _failure(code, message, exc, inputs, expected):
    return {"error": repr(exc), "error_code": code, "error_message": message,
            "inputs": truncate(inputs), "expected": truncate(expected)}


def _exception_failure(results, exc, inputs, expected):
    if "timeoutexception" in repr(exc).lower():
        results.append(-3)
        return results, _failure(-3, "Time Limit Exceeded", exc, inputs, expected)
    results.append(-4)
    return results, _failure(-4, "Runtime Error", exc, inputs, expected)


def grade_call_based(code, inputs, outputs, fn_name, timeout):
    compiled = compile_sample(IMPORT_HEADER + "\n\n" + code, timeout)
    method = _lookup(compiled, fn_name)
    if method is None:
        return None
    arguments = [[json.loads(line) for line in text.split("\n")] for text in inputs]
    expectations = [json.loads(text) for text in outputs]
    results, elapsed = [], 0
    for args, expected in zip(arguments, expectations):
        signal.alarm(timeout)
        faulthandler.enable()
        try:
            start = time.time()
            prediction = method(*args)
            elapsed += time.time() - start
            signal.alarm(0)
            if isinstance(prediction, tuple):
                prediction = list(prediction)
            verdict = prediction == expected
            results.append(verdict)
            if not verdict:
                return results, {"output": truncate(prediction), "inputs": truncate(args),
                                 "expected": truncate(expected), "error_code": -2, "error_message": "Wrong Answer"}
        except Exception as exc:
            signal.alarm(0)
            return _exception_failure(results, exc, args, expected)
        finally:
            signal.alarm(0)
            faulthandler.disable()
    return results, {"execution time": elapsed}


def _compare_stdout(prediction, expected, inputs):
    """None when equal, else the official wrong-answer metadata."""
    got, want = _stripped_lines(prediction), _stripped_lines(expected)
    wrong = {"output": truncate(prediction), "inputs": truncate(inputs), "expected": truncate(expected),
             "error_code": -2}
    if len(got) != len(want):
        wrong["error_message"] = "Wrong answer: mismatched output length"
        return wrong
    for index, (got_line, want_line) in enumerate(zip(got, want)):
        wrong["error_message"] = f"Wrong answer at output_line_idx={index}: {truncate(got_line)} != {truncate(want_line)}"
        if got_line == want_line:
            continue
        ok_got, got_numbers = _as_decimals(got_line)
        if not ok_got:
            return wrong
        ok_want, want_numbers = _as_decimals(want_line)
        if not ok_want or got_numbers != want_numbers:
            return wrong
    return None


def grade_stdio(code, inputs, outputs, timeout):
    compiled = compile_sample(wrap_in_function(strip_main_guard(code)), timeout)
    method = _lookup(compiled, WRAPPED_FUNCTION)
    if method is None:
        return None
    results, elapsed = [], 0
    for test_input, expected in zip(inputs, outputs):
        signal.alarm(timeout)
        faulthandler.enable()
        with _CapturedStdout() as captured:
            try:
                start = time.time()
                _run_with_stdin(method, test_input)
                elapsed += time.time() - start
                signal.alarm(0)
            except Exception as exc:
                signal.alarm(0)
                return _exception_failure(results, exc, test_input, expected)
            finally:
                signal.alarm(0)
                faulthandler.disable()
        wrong = _compare_stdout(captured[0], expected, test_input)
        if wrong is not None:
            results.append(-2)
            return results, wrong
        results.append(True)
    return results, {"execution time": elapsed}


def run_sample(code, inputs, outputs, fn_name, timeout):
    """The official run_test for one sample. Call in a disposable process: it disables os functions."""
    signal.signal(signal.SIGALRM, _on_alarm)
    reliability_guard()
    signal.alarm(timeout)
    try:
        if fn_name is None:
            results, metadata = grade_stdio(code, inputs, outputs, timeout)
        else:
            results, metadata = grade_call_based(code, inputs, outputs, fn_name, timeout)
        return results, metadata
    except Exception as exc:
        return [-4], {"error_code": -4, "error_message": f"Error during testing: {exc}"}
    finally:
        signal.alarm(0)


def reliability_guard():
    """As official (no memory limit is passed there): it is not a sandbox, but it changes verdicts."""
    faulthandler.disable()
    builtins.quit = None
    import os
    os.environ["OMP_NUM_THREADS"] = "1"
    for name in ("kill", "system", "putenv", "remove", "removedirs", "rmdir", "fchdir", "setuid", "fork",
                 "forkpty", "killpg", "rename", "renames", "truncate", "replace", "unlink", "fchmod",
                 "fchown", "chmod", "chown", "chroot", "lchflags", "lchmod", "lchown", "getcwd", "chdir"):
        setattr(os, name, None)
    import shutil
    shutil.rmtree = None
    shutil.move = None
    shutil.chown = None
    import subprocess
    subprocess.Popen = None
    builtins.help = None
    for name in ("ipdb", "joblib", "resource", "psutil", "tkinter"):
        sys.modules[name] = None
