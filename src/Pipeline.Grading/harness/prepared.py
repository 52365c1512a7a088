"""What every sample's child would build the same way, built once in the worker before the fork server is
forked, so that each child starts from its own copy-on-write copy instead of building it.

Why: building them in the child means new references to hundreds of shared objects. In a forked child each
new reference writes a refcount, and each page written is a copy-on-write fault, which on a virtualised host
is most of a sample's cost (decision 019). Executing the import header was about a quarter of a trivial
sample's faults, and the first test's mock_open about a third.

PreparedHeader: the module the official IMPORT_HEADER leaves behind. It holds exactly what executing the
header in the child would leave:
- the header runs here with sys.stdin set to the object each child then installs as its sys.stdin (a
  file on os.devnull, as the official child's), so `from sys import *` binds the same `stdin`;
- stdout and stderr are the worker's own objects, which the children inherit as they are;
- the builtins reliability_guard sets to None (GUARDED_BUILTINS) are bound again once the guard ran
  (rebind_guarded, in Prepared.guard), as the header, executed after the guard, would bind them;
- the header's `sys.setrecursionlimit(50000)` is made again by compile_sample before the rest runs;
- the rest of the code is compiled with blank lines in place of the header's, so line numbers are the
  official ones; code with a `__future__` import is executed whole, as the official position of such an
  import after the header is itself a SyntaxError.
A worker test executes the header again inside a sample and finds every name bound to the same object.

PreparedOpen: the official stdin mocks' `mock_open(read_data=inputs)` for each of a sample's first
PREPARED_OPENS tests, a fresh one for each test as officially, made with empty data and given the test's
inputs in the child: mock_open keeps its data in two closure variables (read_data, and the stream in
_state), which are all that depends on it. Making one in a child costs about 1.5 ms (the second test of a
stdin sample cost twice its first); each made ahead costs every fork 93 KB more to copy (about 4 us). Later
tests get one made then, given their data the same way, so that the stream no open() call uses is never
made (stdin_mocks.py). A worker test compares what a sample sees of open() on each of ten tests, made ahead
and after, with the official mock's behaviour.
"""
import builtins
import os
import sys
from types import ModuleType
from unittest import mock

import lcb_grader
import stdin_mocks


class Prepared:
    """Both, for sample_runner.run, and the official guard as a program sample's child has it."""

    def __init__(self):
        self.header = PreparedHeader()
        self.open = PreparedOpen()
        self._guarded = False

    def guard(self):
        """The official reliability_guard, then the header's names it changed bound again (rebind_guarded); once
        per process. The fork server of program samples takes it before it serves, so that its children start
        guarded (worker.Children); a child of another server takes it itself."""
        if not self._guarded:
            lcb_grader.reliability_guard()
            self.header.rebind_guarded()
            self._guarded = True


class PreparedHeader:
    def __init__(self):
        self.stdin = open(os.devnull)  # kept open by the fork server and each child: it is their sys.stdin
        self.module = ModuleType("tmp_sol", "")
        saved_stdin, saved_limit = sys.stdin, sys.getrecursionlimit()
        sys.stdin = self.stdin
        try:
            exec(lcb_grader.IMPORT_HEADER, self.module.__dict__)
        finally:
            sys.stdin = saved_stdin
            sys.setrecursionlimit(saved_limit)
        self._blank_header = "\n" * lcb_grader.IMPORT_HEADER.count("\n")

    def install_stdin(self):
        """In the child, in place of the official child's `sys.stdin = open(os.devnull)`."""
        sys.stdin = self.stdin

    def rebind_guarded(self):
        """Once reliability_guard ran."""
        for name in lcb_grader.GUARDED_BUILTINS:
            self.module.__dict__[name] = getattr(builtins, name)

    def rest_of(self, code):
        """What remains to execute of code in this module, or None when code must be executed whole."""
        if not code.startswith(lcb_grader.IMPORT_HEADER) or "__future__" in code:
            return None
        return self._blank_header + code[len(lcb_grader.IMPORT_HEADER):]


# more than the public tests of any bundled problem (1 to 6); a full suite's later tests make their own
PREPARED_OPENS = 8


class PreparedOpen:
    def __init__(self):
        self._ahead = [mock.mock_open(read_data="") for _ in range(PREPARED_OPENS)]
        self._given_data = _cells_of(self._ahead[0]) is not None  # else another mock_open than 3.11's

    def mock_for(self, inputs):
        """mock_open(read_data=inputs): one made ahead while any is left, a new one after, each given its data
        with its first stream made on first use (stdin_mocks.StreamOnFirstUse)."""
        if not self._given_data:
            return mock.mock_open(read_data=inputs)
        made = self._ahead.pop() if self._ahead else mock.mock_open(read_data="")
        cells = _cells_of(made)
        cells["read_data"].cell_contents = inputs
        cells["_state"].cell_contents[0] = stdin_mocks.StreamOnFirstUse(inputs)
        return made


def _cells_of(open_mock):
    """The closure variables mock_open keeps its data in, by name; None when they are not read_data and _state."""
    reset_data = open_mock.side_effect
    cells = dict(zip(reset_data.__code__.co_freevars, reset_data.__closure__ or ()))
    return cells if {"read_data", "_state"} <= cells.keys() else None
