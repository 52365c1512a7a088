"""The one codec for the values a call-based sample returns: encode() in the sample's child (untrusted),
decode() in the worker, which compares the decoded value with the expected output (PROTOCOL.md, "Encoded
values"). Types that `==` cares about survive the trip; anything else is opaque and equals nothing.
decode() trusts nothing: bounded sizes, known shapes only, Malformed otherwise.
"""
from collections import Counter, OrderedDict, defaultdict
from decimal import Decimal
from fractions import Fraction

import data_modules
import lcb_grader as grader

MAX_DECIMAL_TEXT = 1024


class Malformed(Exception):
    """An encoded value no honest encoder makes."""


NUMPY_DTYPES = frozenset(["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                          "float16", "float32", "float64"])
_DICTS = (dict, defaultdict, OrderedDict, Counter)  # their == with a plain dict is plain dict equality
_SMALL_INT = 1 << 53


def encode(value):
    """Type-faithful JSON for a returned value. Plain JSON for None/bool/str/list/small int/finite float,
    tagged objects for the rest; anything else is {"opaque": true} and compares as not equal."""
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        return value if -_SMALL_INT < value < _SMALL_INT else {"int": format(value, "x")}
    if kind is float:
        return value if value - value == 0 else {"float": value.hex()}
    if kind is list:
        return [encode(item) for item in value]
    if kind is tuple:
        return {"tuple": [encode(item) for item in value]}
    if kind is set or kind is frozenset:
        return {kind.__name__: [encode(item) for item in value]}
    if kind in _DICTS:
        return {"dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if kind is complex:
        return {"complex": [value.real.hex(), value.imag.hex()]}
    if kind is Fraction:
        return {"fraction": [format(value.numerator, "x"), format(value.denominator, "x")]}
    if kind is Decimal:
        return {"decimal": str(value)}
    numpy = grader.loaded_numpy()
    if numpy is not None and kind is numpy.str_:  # a str subclass that compares as str
        return str(value)
    if numpy is not None and isinstance(value, (numpy.generic, numpy.ndarray)) and value.dtype.name in NUMPY_DTYPES:
        if isinstance(value, numpy.ndarray):
            return {"ndarray": value.dtype.name, "shape": list(value.shape), "items": encode(value.ravel().tolist())}
        return {"numpy": value.dtype.name, "item": encode(value.item())}
    return {"opaque": True}


def safe_encode(value):
    try:
        return encode(value)
    except Exception:  # a cycle, a deep nest, a hostile subclass: not equal, as nothing is proven
        return {"opaque": True}


class Opaque:
    """A value the child could not encode faithfully: equal to nothing (it is not even itself)."""

    def __eq__(self, other):
        return False

    def __ne__(self, other):
        return True

    __hash__ = object.__hash__


def has_shape(message, **fields):
    """True when message is a dict with exactly these keys and value types (object: any; bool: exactly bool)."""
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
        raise Malformed()


def decode(encoded):
    """The inverse of encode, for the worker; anything unexpected raises Malformed."""
    if encoded is None or isinstance(encoded, (bool, str, int, float)):
        return encoded
    if isinstance(encoded, list):
        return [decode(item) for item in encoded]
    _require(isinstance(encoded, dict) and len(encoded) in (1, 2, 3))
    if has_shape(encoded, opaque=bool):
        return Opaque()
    if has_shape(encoded, int=str):
        return _hex_int(encoded["int"])
    if has_shape(encoded, float=str):
        return _hex_float(encoded["float"])
    if has_shape(encoded, tuple=list):
        return tuple(decode(item) for item in encoded["tuple"])
    for kind in (set, frozenset):
        if has_shape(encoded, **{kind.__name__: list}):
            return _hashed(lambda: kind(decode(item) for item in encoded[kind.__name__]))
    if has_shape(encoded, dict=list):
        pairs = encoded["dict"]
        _require(all(isinstance(pair, list) and len(pair) == 2 for pair in pairs))
        return _hashed(lambda: {decode(key): decode(value) for key, value in pairs})
    if has_shape(encoded, complex=list):
        parts = encoded["complex"]
        _require(len(parts) == 2 and all(isinstance(part, str) for part in parts))
        return complex(_hex_float(parts[0]), _hex_float(parts[1]))
    if has_shape(encoded, fraction=list):
        parts = encoded["fraction"]
        _require(len(parts) == 2 and all(isinstance(part, str) for part in parts))
        return _checked(lambda: Fraction(_hex_int(parts[0]), _hex_int(parts[1])))
    if has_shape(encoded, decimal=str):
        _require(len(encoded["decimal"]) <= MAX_DECIMAL_TEXT)
        return _checked(lambda: Decimal(encoded["decimal"]))
    if has_shape(encoded, numpy=str, item=object) and encoded["numpy"] in NUMPY_DTYPES:
        item = decode(encoded["item"])
        _require(type(item) in (bool, int, float))
        numpy = _numpy()
        return _checked(lambda: numpy.dtype(encoded["numpy"]).type(item))
    if has_shape(encoded, ndarray=str, shape=list, items=list) and encoded["ndarray"] in NUMPY_DTYPES:
        items, shape = decode(encoded["items"]), encoded["shape"]
        _require(all(type(item) in (bool, int, float) for item in items))
        _require(all(type(size) is int and size >= 0 for size in shape) and len(shape) <= 32)
        numpy = _numpy()
        return _checked(lambda: numpy.array(items, dtype=encoded["ndarray"]).reshape(shape))
    raise Malformed()


def _numpy():
    """In the worker: numpy, imported the first time a child reports one of its values."""
    numpy = data_modules.imported("numpy")
    _require(numpy is not None)
    return numpy


def _hashed(build):
    try:
        return build()
    except TypeError:  # an unhashable key or member: never sent by an honest child
        raise Malformed() from None


def _checked(build):
    try:
        return build()
    except (ValueError, TypeError, ArithmeticError, OverflowError):
        raise Malformed() from None


def _hex_int(text):
    _require(0 < len(text) <= 1 << 20)
    return _checked(lambda: int(text, 16))


def _hex_float(text):
    _require(0 < len(text) <= 64)
    return _checked(lambda: float.fromhex(text))
