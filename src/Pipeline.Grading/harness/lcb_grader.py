"""The official runner's grading pieces, reproduced: compile, stdin mocks, alarm, comparison, reliability guard.

Reproduces lcb_runner/evaluation/testing_util.py at LiveCodeBench/LiveCodeBench head 28fef95
(2025-07-15; grading last changed in 16de2a1, 2025-05-23). Written independently; every behaviour
below that looks odd is deliberate, because it changes verdicts the same way the official runner does:

- the import header is prepended; stdin code has a trailing `if __name__ == '__main__':` guard
  unwrapped, top-level imports hoisted and the rest wrapped in `wrapped_function` (via ast.unparse);
- compile (exec of the module) runs under the per-test alarm; "class Solution" anywhere in the code
  means the module's Solution() is instantiated;
- stdin mocks: in stdin_mocks.py;
- sys.stdout during a stdin test is a StringIO whose close() takes one argument (calling it fails);
- SystemExit is swallowed, other exceptions give -4 (or -3 when the repr names TimeoutException);
- comparison: whole output stripped, split on "\\n", lines stripped, counts must match, then each
  line equal or equal as a list of Decimals; call-based: tuple -> list, then `==`;
- compile errors and grader errors give [-4] with "Error during testing: <exception text>";
- reliability_guard as official (note: `builtins.exit = None` is commented out at head, quit is not).

The Executor runs the official test loop split across the trust boundary (sample_runner.py in the child,
verdicts.py in the worker).
"""
import ast
import builtins
import faulthandler
import itertools
import re
import signal
import sys
from decimal import Decimal
from io import StringIO
from types import ModuleType


def loaded_numpy():
    """numpy when this process has loaded it, else None: a value can only be numpy's when numpy is loaded. The
    official module imports numpy; here only the samples that import it get it (data_modules.py)."""
    return sys.modules.get("numpy")


HEADER_RECURSION_LIMIT = 50000  # the import header's last statement sets it

IMPORT_HEADER = (
    "from string import *\nfrom re import *\nfrom datetime import *\nfrom collections import *\n"
    "from heapq import *\nfrom bisect import *\nfrom copy import *\nfrom math import *\n"
    "from random import *\nfrom statistics import *\nfrom itertools import *\nfrom functools import *\n"
    "from operator import *\nfrom io import *\nfrom sys import *\nfrom json import *\n"
    "from builtins import *\nfrom typing import *\nimport string\nimport re\nimport datetime\n"
    "import collections\nimport heapq\nimport bisect\nimport copy\nimport math\nimport random\n"
    "import statistics\nimport itertools\nimport functools\nimport operator\nimport io\nimport sys\n"
    f"import json\nsys.setrecursionlimit({HEADER_RECURSION_LIMIT})\n"
)
# the builtins reliability_guard sets to None (so the header, executed after it, binds None for them)
GUARDED_BUILTINS = ("quit", "help")

WRAPPED_FUNCTION = "wrapped_function"


def truncate(value, length=300):
    text = value if isinstance(value, str) else str(value)
    if len(text) <= length:
        return text
    half = length // 2
    return text[:half] + "...(truncated) ..." + text[-half:]


class TimeoutException(Exception):
    """The per-test alarm. Its name matters: verdicts test `"timeoutexception" in repr(e).lower()`."""


def on_alarm(signum, frame):
    print("timeout occured: alarm went off")
    raise TimeoutException


class CapturedStdout(list):
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


def stdin_program(code):
    """What the official grade_stdio compiles for code: its main guard unwrapped, then wrapped in a function."""
    return wrap_in_function(strip_main_guard(code))


def lookup(compiled, name):
    try:
        return getattr(compiled, name) if hasattr(compiled, name) else None
    except Exception:
        return None


def compile_sample(code, timeout, header):
    """The official compile_code. header: the prepared.PreparedHeader; when its module can stand for code's
    first lines, only the rest is executed, into that module."""
    signal.alarm(timeout)
    try:
        rest = header.rest_of(code)
        if rest is None:
            module = ModuleType("tmp_sol", "")
            exec(code, module.__dict__)
        else:
            module = header.module
            sys.setrecursionlimit(HEADER_RECURSION_LIMIT)  # the header's last statement
            exec(rest, module.__dict__)
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
    """text.strip().split("\n"), each line stripped, one at a time: a huge output is never split whole."""
    text = text.strip()
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end].strip()
        start = end + 1
    yield text[start:].strip()


def _line_count(text):
    return text.strip().count("\n") + 1


_TOKEN = re.compile(r"\S+")  # the pieces str.split() makes (both use the same Unicode whitespace)


def _token_count(line, stop):
    """Tokens in line, counting no further than stop."""
    return sum(1 for _ in itertools.islice(_TOKEN.finditer(line), stop))


def _equal_as_decimals(got_line, want_line):
    """The official "both lines parse as Decimal lists and the lists are equal", bounded: token counts
    first, then pair by pair, stopping at the first pair that differs or does not parse (the official
    outcome is "wrong" in each of those cases too). Only a comparison that raises (a signalling NaN)
    takes the official whole-line path, so that it raises or not exactly as the official does."""
    wanted = _token_count(want_line, len(want_line))  # the expected line bounds the work, not the sample's
    if _token_count(got_line, wanted + 1) != wanted:
        return False
    for got, want in zip(_TOKEN.finditer(got_line), _TOKEN.finditer(want_line)):
        try:
            got_number, want_number = Decimal(got.group()), Decimal(want.group())
        except Exception:
            return False
        try:
            if got_number != want_number:
                return False
        except Exception:
            ok_got, got_numbers = _as_decimals(got_line)
            ok_want, want_numbers = _as_decimals(want_line)
            return ok_got and ok_want and got_numbers == want_numbers
    return True


def compare_stdout(prediction, expected, inputs):
    """None when equal, else the official wrong-answer metadata. Bounded work: line counts first, then
    line by line up to the first difference (the official splits everything, then does the same)."""
    wrong = {"output": truncate(prediction), "inputs": truncate(inputs), "expected": truncate(expected),
             "error_code": -2}
    if _line_count(prediction) != _line_count(expected):
        wrong["error_message"] = "Wrong answer: mismatched output length"
        return wrong
    for index, (got_line, want_line) in enumerate(zip(_stripped_lines(prediction), _stripped_lines(expected))):
        if got_line != want_line and not _equal_as_decimals(got_line, want_line):
            wrong["error_message"] = f"Wrong answer at output_line_idx={index}: {truncate(got_line)} != {truncate(want_line)}"
            return wrong
    return None


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
