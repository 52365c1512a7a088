"""The official stdin mocks of a stdin test (testing_util.call_method), with the copies they make of the
input made only when a program uses them.

Officially every test builds, whatever the program reads: a StringIO of the input for sys.stdin (CPython
holds it as 4 bytes a character), the input encoded again for sys.stdin.buffer, a list of its lines for
the replaced stdin's readline, and mock_open's own StringIO, which no program can reach (every open()
call makes a new one). On a test of 1 MB that is ~10 MB of fresh memory written before the program runs,
about a third of the test's time in a forked child (decision 025). Here each is made the first time
something asks for it, from the same text, so what a program sees is what the official mocks give:
- MockStdinWithBuffer.readline() without arguments reads the text from its own position until the
  StringIO exists, and fileno() raises what the StringIO's raises; any other use of the StringIO
  (readline with a size, seek, tell, close, any attribute) makes it, at that position, and from then
  on everything goes to it;
- MockBuffer encodes the text when `inputs`, read() or readline() is first used;
- the replaced stdin's readline splits the text at its first call.
The classes carry the official names (a program may print type(sys.stdin).__name__).
"""
from io import StringIO, UnsupportedOperation
from unittest.mock import mock_open, patch


class MockBuffer:
    def __init__(self, inputs):
        self._text = inputs

    def __getattr__(self, name):
        if name != "inputs":
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        self.inputs = self._text.encode("utf-8")
        return self.inputs

    def read(self, *args):
        return self.inputs

    def readline(self, *args):
        return self.inputs.split(b"\n")[0] + b"\n"


class MockStdinWithBuffer:
    """No __iter__ on purpose: `for line in sys.stdin` fails with the official mock too."""

    def __init__(self, inputs):
        self._text = inputs  # what the official StringIO holds, whatever the program does to `inputs`
        self._position = 0  # of readline() before the StringIO exists
        self.inputs = inputs
        self.buffer = MockBuffer(inputs)

    def __getattr__(self, name):
        if name == "_stringio":
            self._stringio = StringIO(self._text)
            self._stringio.seek(self._position)
            return self._stringio
        return getattr(self._stringio, name)

    def fileno(self):
        """StringIO's answer, without making it: input() asks for the descriptor before every line it reads."""
        if "_stringio" in self.__dict__:
            return self._stringio.fileno()
        raise UnsupportedOperation("fileno")

    def read(self, *args):
        return self.inputs

    def readline(self, *args):
        if args or "_stringio" in self.__dict__:
            return self._stringio.readline(*args)
        start, text = self._position, self._text
        newline = text.find("\n", start)
        self._position = len(text) if newline < 0 else newline + 1
        return text[start:self._position]

    def readlines(self, *args):
        return self.inputs.split("\n")


class _Lines:
    """iter(inputs.split("\\n")), split at the first next()."""

    def __init__(self, inputs):
        self._text, self._lines = inputs, None

    def __iter__(self):
        return self

    def __next__(self):
        if self._lines is None:
            self._lines = iter(self._text.split("\n"))
        return next(self._lines)


class StreamOnFirstUse:
    """mock_open's first stream (its `_state[0]`), a StringIO of the data made when first used."""

    def __init__(self, data):
        self._data, self._stream = data, None

    def _made(self):
        if self._stream is None:
            self._stream = StringIO(self._data)
        return self._stream

    def __getattr__(self, name):
        return getattr(self._made(), name)

    def __iter__(self):
        return iter(self._made())

    def __next__(self):
        return next(self._made())


def run_with_stdin(method, inputs, open_mocks=None):
    """The official call_method. open_mocks: where mock_open(read_data=inputs) comes from
    (prepared.PreparedOpen), when not made here."""
    if isinstance(inputs, list):
        inputs = "\n".join(inputs)
    open_mock = open_mocks.mock_for(inputs) if open_mocks is not None else mock_open(read_data=inputs)
    lines = _Lines(inputs)
    # entered in the official order: its decorators apply bottom-up, so the stdin it replaces gets
    # read/readlines/readline patched first
    with patch("sys.stdin.read", lambda *a: inputs), \
            patch("sys.stdin.readlines", lambda *a: inputs.split("\n")), \
            patch("sys.stdin.readline", lambda *a: next(lines)), \
            patch("sys.stdin", MockStdinWithBuffer(inputs)), \
            patch("builtins.open", open_mock):
        try:
            return method()
        except SystemExit:
            pass
