"""The trusted side of grading: decides verdicts from the raw outcomes a sample's child reports.

Runs in the worker, which holds the expected outputs; the child (sample_runner.py) never does. Every
report is untrusted: bounded in size, parsed strictly (JSON only, known shapes, no eval/pickle), and
anything off-protocol means "the child died", which is the official died-child verdict. The
comparisons and the metadata are the official ones (lcb_grader's), applied here instead of in the child.
"""
import json
import math
from decimal import Decimal
from fractions import Fraction

import lcb_grader as grader
from sample_runner import NUMPY_DTYPES

MAX_REPORT_BYTES = 64 * 1024 * 1024  # one report line: a test's whole stdout or returned value
MAX_TEXT = 1024                       # metadata strings the child truncated (official truncate gives <= 318)
MAX_ERROR = 1024 * 1024               # repr of an exception (not truncated by the official runner)


class ChildLost(Exception):
    """The child died, ran out of time, or broke the protocol: the official died-child result."""


class ChildFault(Exception):
    """The child's setup failed before any sample code ran: a fault of ours ("retry elsewhere")."""


class Opaque:
    """A value the child could not encode faithfully: equal to nothing (it is not even itself)."""

    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    __hash__ = object.__hash__


def testing_error(message):
    return [-4], {"error_code": -4, "error_message": f"Error during testing: {message}"}


def judge(link, inputs, outputs, fn_name):
    """(results, metadata) as the official run_sample would return them; raises ChildLost."""
    setup = link.receive()  # written before any sample code runs: the only place a fault is believed
    if _shape(setup, fault=str):
        raise ChildFault(setup["fault"][:MAX_TEXT])
    _require(_shape(setup, started=bool))
    first = link.receive()
    if _shape(first, testing_error=str):
        return testing_error(first["testing_error"])
    _require(_shape(first, compiled=bool) and first["compiled"] is True)
    try:
        if fn_name is None:
            return _judge_stdio(link, inputs, outputs)
        return _judge_call_based(link, inputs, outputs)
    except (ChildLost, RecursionError, MemoryError):
        raise ChildLost()
    except Exception as exc:  # as official: whatever escapes the per-test handlers
        return testing_error(str(exc))


def _judge_stdio(link, inputs, outputs):
    results, elapsed = [], 0
    for test_input, expected in zip(inputs, outputs):
        link.send("next")
        outcome = link.receive()
        if _shape(outcome, raised=str):
            return _exception_failure(results, outcome["raised"], grader.truncate(test_input), expected)
        if _shape(outcome, testing_error=str):
            return testing_error(outcome["testing_error"])
        _require(_shape(outcome, stdout=str, elapsed=(int, float)))
        elapsed += _elapsed(outcome)
        wrong = grader._compare_stdout(outcome["stdout"], expected, test_input)
        if wrong is not None:
            results.append(-2)
            return results, wrong
        results.append(True)
    return results, {"execution time": elapsed}


def _judge_call_based(link, inputs, outputs):
    expectations = [json.loads(text) for text in outputs]
    results, elapsed = [], 0
    for _, expected in zip(inputs, expectations):
        link.send("next")
        outcome = link.receive()
        if (failure := _reported_failure(outcome, results, expected)) is not None:
            return failure
        _require(_shape(outcome, value=object, elapsed=(int, float)))
        elapsed += _elapsed(outcome)
        prediction = decode(outcome["value"])
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
            _require(_shape(described, output=str, inputs=str))
            return results, {"output": _text(described["output"]), "inputs": _text(described["inputs"]),
                             "expected": grader.truncate(expected), "error_code": -2,
                             "error_message": "Wrong Answer"}
    return results, {"execution time": elapsed}


def _reported_failure(reply, results, expected):
    """A call-based child's report that the code raised or grading failed, as the official verdict; None otherwise."""
    if _shape(reply, raised=str, inputs=str):
        return _exception_failure(results, reply["raised"], _text(reply["inputs"]), expected)
    if _shape(reply, testing_error=str):
        return testing_error(reply["testing_error"])
    return None


def _ask_inputs(link):
    link.send("inputs")
    reply = link.receive()
    if _shape(reply, testing_error=str):
        raise RuntimeError(reply["testing_error"])  # becomes "Error during testing: ..." as official
    _require(_shape(reply, inputs=str))
    return _text(reply["inputs"])


def _exception_failure(results, error_repr, inputs_text, expected):
    _require(len(error_repr) <= MAX_ERROR)
    timed_out = "timeoutexception" in error_repr.lower()
    results.append(-3 if timed_out else -4)
    return results, {"error": error_repr, "error_code": -3 if timed_out else -4,
                     "error_message": "Time Limit Exceeded" if timed_out else "Runtime Error",
                     "inputs": inputs_text, "expected": grader.truncate(expected)}


def _shape(message, **fields):
    """True when message is a dict with exactly these keys and value types."""
    return (isinstance(message, dict) and message.keys() == fields.keys()
            and all(_is(message[key], kind) for key, kind in fields.items()))


def _is(value, kind):
    if kind is object:
        return True
    if kind is bool:
        return type(value) is bool
    return isinstance(value, kind) and type(value) is not bool


def _require(condition):
    if not condition:
        raise ChildLost()


def _text(value):
    _require(len(value) <= MAX_TEXT)
    return value


def _elapsed(outcome):
    value = float(outcome["elapsed"])
    _require(math.isfinite(value))
    return value


def parse_report(line):
    """One report line from the child: strict JSON (no NaN/Infinity literals), bounded by the reader."""
    def no_constants(name):
        raise ValueError(name)
    try:
        return json.loads(line, parse_constant=no_constants)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise ChildLost() from None


def decode(encoded):
    """The inverse of sample_runner.encode; anything unexpected is ChildLost."""
    if encoded is None or isinstance(encoded, (bool, str, int, float)):
        return encoded
    if isinstance(encoded, list):
        return [decode(item) for item in encoded]
    _require(isinstance(encoded, dict) and len(encoded) in (1, 2, 3))
    if _shape(encoded, opaque=bool):
        return Opaque()
    if _shape(encoded, int=str):
        return _hex_int(encoded["int"])
    if _shape(encoded, float=str):
        return _hex_float(encoded["float"])
    if _shape(encoded, tuple=list):
        return tuple(decode(item) for item in encoded["tuple"])
    if _shape(encoded, dict=list):
        pairs = encoded["dict"]
        _require(all(isinstance(pair, list) and len(pair) == 2 for pair in pairs))
        try:
            return {decode(key): decode(value) for key, value in pairs}
        except TypeError:  # an unhashable key: never sent by an honest child
            raise ChildLost() from None
    if _shape(encoded, complex=list):
        parts = encoded["complex"]
        _require(len(parts) == 2 and all(isinstance(part, str) for part in parts))
        return complex(_hex_float(parts[0]), _hex_float(parts[1]))
    if _shape(encoded, fraction=list):
        parts = encoded["fraction"]
        _require(len(parts) == 2 and all(isinstance(part, str) for part in parts))
        return _checked(lambda: Fraction(_hex_int(parts[0]), _hex_int(parts[1])))
    if _shape(encoded, decimal=str):
        _require(len(encoded["decimal"]) <= MAX_TEXT)
        return _checked(lambda: Decimal(encoded["decimal"]))
    numpy = grader.numpy
    _require(numpy is not None)
    if _shape(encoded, numpy=str, item=object) and encoded["numpy"] in NUMPY_DTYPES:
        item = decode(encoded["item"])
        _require(type(item) in (bool, int, float))
        return _checked(lambda: numpy.dtype(encoded["numpy"]).type(item))
    if _shape(encoded, ndarray=str, shape=list, items=list) and encoded["ndarray"] in NUMPY_DTYPES:
        items, shape = decode(encoded["items"]), encoded["shape"]
        _require(all(type(item) in (bool, int, float) for item in items))
        _require(all(type(size) is int and size >= 0 for size in shape) and len(shape) <= 32)
        return _checked(lambda: numpy.array(items, dtype=encoded["ndarray"]).reshape(shape))
    raise ChildLost()


def _checked(build):
    try:
        return build()
    except (ValueError, TypeError, ArithmeticError, OverflowError):
        raise ChildLost() from None


def _hex_int(text):
    _require(0 < len(text) <= 1 << 20)
    return _checked(lambda: int(text, 16))


def _hex_float(text):
    _require(0 < len(text) <= 64)
    return _checked(lambda: float.fromhex(text))
