"""The trusted side of grading: decides verdicts from the raw outcomes a sample's child reports.

Runs in the worker, which holds the expected outputs; the child (sample_runner.py) never does. Every
report is untrusted: bounded in size, parsed strictly (JSON only, known shapes, no eval/pickle), and
anything off-protocol means "the child died", which is the official died-child verdict. The
comparisons and the metadata are the official ones (lcb_grader's), applied here instead of in the child.
"""
import json
import time

import lcb_grader as grader
from value_codec import Malformed, decode, has_shape

MAX_REPORT_BYTES = 64 * 1024 * 1024  # one report line: a test's whole stdout or returned value
MAX_TEXT = 1024                       # metadata strings the child truncated (official truncate gives <= 318)
MAX_ERROR = 1024 * 1024               # repr of an exception (not truncated by the official runner)


class ChildLost(Exception):
    """The child died, ran out of time, or broke the protocol: the official died-child result."""


class NeedsModule(Exception):
    """A child stopped at the sample's first import of a module its server lacks (data_modules.py): the sample is
    to be started again on a child that has it loaded. Never a verdict."""

    def __init__(self, module):
        super().__init__(module)
        self.module = module


class ChildFault(Exception):
    """The child's setup failed before any sample code ran: a fault of ours ("retry elsewhere")."""


def testing_error(message):
    return [-4], {"error_code": -4, "error_message": f"Error during testing: {message}"}


def judge(link, inputs, outputs, fn_name):
    """(results, metadata) as the official run_sample would return them; raises ChildLost."""
    setup = link.receive()  # written before any sample code runs: the only place a fault is believed
    if has_shape(setup, fault=str):
        raise ChildFault(setup["fault"][:MAX_TEXT])
    _require(has_shape(setup, started=bool))
    first = link.receive()
    if has_shape(first, testing_error=str):
        return testing_error(first["testing_error"])
    _require(has_shape(first, compiled=bool) and first["compiled"] is True)
    try:
        if fn_name is None:
            return _judge_stdio(link, inputs, outputs)
        return _judge_call_based(link, outputs)
    except (ChildLost, RecursionError, MemoryError):
        raise ChildLost()
    except NeedsModule:
        raise
    except Exception as exc:  # as official: whatever escapes the per-test handlers
        return testing_error(str(exc))


def _judge_stdio(link, inputs, outputs):
    """The child runs every test on one command; each test's time is from the previous report (or the
    command) to its own report, as the worker measures it."""
    results, elapsed = [], 0
    link.send("all")
    last = time.monotonic()
    for index, expected in enumerate(outputs):  # an input is decoded only for a failure's metadata
        outcome = link.receive()
        now = time.monotonic()
        seconds, last = now - last, now
        if has_shape(outcome, raised=str):
            return _exception_failure(results, outcome["raised"], grader.truncate(inputs[index]), expected)
        if has_shape(outcome, testing_error=str):
            return testing_error(outcome["testing_error"])
        _require(has_shape(outcome, stdout=str))
        elapsed += seconds
        wrong = grader.compare_stdout(outcome["stdout"], expected, "")
        if wrong is not None:
            wrong["inputs"] = grader.truncate(inputs[index])
            results.append(-2)
            return results, wrong
        results.append(True)
    return results, {"execution time": elapsed}


def _judge_call_based(link, outputs):
    expectations = [json.loads(text) for text in outputs]
    results, elapsed = [], 0
    for expected in expectations:
        outcome, seconds = _run_next(link)
        if (failure := _reported_failure(outcome, results, expected)) is not None:
            return failure
        _require(has_shape(outcome, value=object))
        elapsed += seconds
        try:
            prediction = decode(outcome["value"])
        except Malformed:
            raise ChildLost() from None
        try:
            verdict = prediction == expected
            results.append(verdict)
            failed = not verdict
        except Exception as exc:  # numpy's ambiguous truth value, as in the official child
            return _exception_failure(results, repr(exc), _ask_inputs(link), expected)
        if failed:
            link.send("output")
            described = link.receive()
            if (failure := _reported_failure(described, results, expected)) is not None:
                return failure
            _require(has_shape(described, output=str, inputs=str))
            return results, {"output": _text(described["output"]), "inputs": _text(described["inputs"]),
                             "expected": grader.truncate(expected), "error_code": -2,
                             "error_message": "Wrong Answer"}
    return results, {"execution time": elapsed}


def _reported_failure(reply, results, expected):
    """A call-based child's report that the code raised or grading failed, as the official verdict; None otherwise."""
    if has_shape(reply, raised=str, inputs=str):
        return _exception_failure(results, reply["raised"], _text(reply["inputs"]), expected)
    if has_shape(reply, testing_error=str):
        return testing_error(reply["testing_error"])
    return None


def _ask_inputs(link):
    link.send("inputs")
    reply = link.receive()
    if has_shape(reply, testing_error=str):
        raise RuntimeError(reply["testing_error"])  # becomes "Error during testing: ..." as official
    _require(has_shape(reply, inputs=str))
    return _text(reply["inputs"])


def _exception_failure(results, error_repr, inputs_text, expected):
    _require(len(error_repr) <= MAX_ERROR)
    timed_out = "timeoutexception" in error_repr.lower()
    results.append(-3 if timed_out else -4)
    return results, {"error": error_repr, "error_code": -3 if timed_out else -4,
                     "error_message": "Time Limit Exceeded" if timed_out else "Runtime Error",
                     "inputs": inputs_text, "expected": grader.truncate(expected)}


def _require(condition):
    if not condition:
        raise ChildLost()


def _text(value):
    _require(len(value) <= MAX_TEXT)
    return value


def _run_next(link):
    """One test, and its time as the worker measures it: "execution time" is never the child's word."""
    started = time.monotonic()
    link.send("next")
    outcome = link.receive()
    return outcome, time.monotonic() - started


def parse_report(line):
    """One report line from the child: strict JSON (no NaN/Infinity literals), bounded by the reader."""
    def no_constants(name):
        raise ValueError(name)
    try:
        return json.loads(line, parse_constant=no_constants)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise ChildLost() from None


