"""The official code-execution program prefix and test-output answer parsing, as the official runner has them.

- BASE_IMPORTS: lcb_runner/evaluation/utils_execute.py, the text every code-execution check program starts with.
- asserted_text / parse_assert_statement: compute_test_output_prediction_metrics.py's check_testcase_output up to
  the eval (which line of the answer, and which part of it, is eval'ed).
"""
import ast

BASE_IMPORTS = """from itertools import accumulate, chain, combinations, count, permutations, product, groupby, islice, repeat
from copy import deepcopy
from string import ascii_lowercase
from math import floor, log2, log10, sqrt, comb, gcd, ceil, inf, isqrt
from collections import defaultdict, deque, Counter
from bisect import bisect, bisect_left, bisect_right, insort
from heapq import heappush, heappop, heapify, merge
from functools import reduce, cache, lru_cache
from random import randrange, shuffle
from operator import itemgetter, sub
from re import search as re_search  # Assuming 're' refers to a regex search
from os.path import commonprefix
from typing import List, Tuple, Dict, Set, Optional, Union, Any, Callable, Iterable, Iterator, Generator
import copy
import string
import math
import collections
import bisect
import heapq
import functools
import random
import itertools
import operator
import re
import numpy as np
import pandas as pd
from math import log, prod  # 'log' and 'prod' are functions in the math module
from collections import deque, defaultdict, Counter, OrderedDict
from itertools import accumulate, permutations, combinations, product, groupby, islice, chain, repeat, zip_longest, cycle
from functools import lru_cache, reduce, partial
# from sortedcontainers import SortedList, SortedDict, SortedSet
# import sortedcontainers
from operator import iand
import sys
"""


def asserted_text(answer):
    """The official check_testcase_output's choice of text to eval."""
    if len(answer.splitlines()) > 1:
        for line in answer.splitlines():
            if line.startswith("#"):
                continue
            if "assert" in line:
                answer = line
                break
    answer = answer.strip()
    return str(parse_assert_statement(answer)) if "assert" in answer else answer


def parse_assert_statement(statement):
    """The official parse_assert_statement: the source of the right side of `==`, or a message text."""
    try:
        parsed = ast.parse(statement, mode="exec")
    except SyntaxError:
        return "Invalid syntax"
    if len(parsed.body) == 0:
        return "Empty statement"
    if not isinstance(parsed.body[0], ast.Assert):
        return "Not an assert statement"
    comparison = parsed.body[0].test
    if not isinstance(comparison, ast.Compare) or not isinstance(comparison.ops[0], ast.Eq):
        return "Not an equality assertion"
    return ast.get_source_segment(statement, comparison.comparators[0])
