"""The child side of the prediction checks (untrusted: it runs the answer; see prediction_checks.py).

- execution: the official unsafe_execute up to the comparison: BASE_IMPORTS + code under the reliability guard
  (exit removed too), swallowed I/O and a 3 s ITIMER_REAL; reports the answer's value, then, only when the worker
  asks, the truthiness of its `or` alternatives. It never holds the expected output.
- testoutput: check_testcase_output up to the comparison: the asserted text eval'ed under the run's time limit;
  reports the value or what it raised.
"""
import ast
import builtins
import contextlib
import io
import json
import signal

import lcb_grader as grader
import value_codec
import verdicts
from prediction_official import asserted_text


def run(request, channel):
    if request["check"] == "execution":
        _execute(request, channel)
    else:
        channel.report(_evaluate_answer(request["answer"], request["timeout"]))


class _Timeout(Exception):
    pass


def _execute(request, channel):
    """The official unsafe_execute, in this child, up to the comparison: the program, then the answer's
    value, then (only when the worker asks, as `or` evaluates them only then) its alternatives' truthiness."""
    grader.reliability_guard()
    builtins.exit = None  # utils_execute's guard also removes exit
    namespace = {}
    try:
        with _swallow_io(), _time_limit(request["timeout"]):
            exec(request["program"], namespace)
            channel.report({"value": value_codec.safe_encode(eval(request["answer"], namespace))})
            if request["alternatives"] is not None and channel.command() == "alternatives":
                channel.report({"truthy": bool(eval(request["alternatives"], namespace))})
    except _Timeout:
        channel.report({"outcome": "timed out"})
    except BaseException as error:
        channel.report({"outcome": f"failed: {_safe_repr(error)}"})


def _evaluate_answer(answer, timeout):
    """check_testcase_output up to the comparison: the asserted text, eval'ed under a time limit."""
    try:
        with _time_limit(timeout):
            value = eval(asserted_text(answer), {"ast": ast, "json": json, "__builtins__": builtins})
    except BaseException as error:  # the official `except:` takes anything, SystemExit included
        return {"raised": _safe_repr(error)}
    return {"value": value_codec.safe_encode(value)}


def _safe_repr(error):
    try:
        return repr(error)[:verdicts.MAX_TEXT]
    except BaseException:
        return type(error).__name__


@contextlib.contextmanager
def _time_limit(seconds):
    def on_alarm(signum, frame):
        raise _Timeout("Timed out!")
    signal.setitimer(signal.ITIMER_REAL, seconds)
    signal.signal(signal.SIGALRM, on_alarm)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


class _WriteOnlyStringIO(io.StringIO):
    def read(self, *args, **kwargs):
        raise OSError

    def readline(self, *args, **kwargs):
        raise OSError

    def readlines(self, *args, **kwargs):
        raise OSError

    def readable(self, *args, **kwargs):
        return False


class _RedirectStdin(contextlib._RedirectStream):
    _stream = "stdin"


@contextlib.contextmanager
def _swallow_io():
    stream = _WriteOnlyStringIO()
    with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream), _RedirectStdin(stream):
        yield
