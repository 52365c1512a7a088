"""The suites a worker holds, by hash (PROTOCOL.md, "Suites").

A suite arrives once per worker, as raw UTF-8 bytes right after the request line that brings it (every
input, then every output: nothing to escape or parse), and later requests name it by its hash. The
inputs stay the bytes they arrived as: each sample's child gets them as they are, and the worker
decodes one only when metadata needs it. A real suite holds tens of megabytes, so a worker keeps a
few, the most recently used.
"""
import collections
import collections.abc

import prediction_checks


class Texts(collections.abc.Sequence):
    """Strings cut from one UTF-8 buffer by their byte sizes, each decoded only when asked for."""

    def __init__(self, buffer, sizes):
        self._buffer, self._offsets, start = memoryview(buffer), [], 0
        for size in sizes:
            self._offsets.append((start, start + size))
            start += size

    def __len__(self):
        return len(self._offsets)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, end = self._offsets[index]
        return str(self._buffer[start:end], "utf-8")


def read_exactly(stream, size):
    """size bytes from a buffered binary stream; ValueError when it ends first."""
    data = stream.read(size)
    if len(data) != size:
        raise ValueError(f"the stream ended {size - len(data)} bytes short of a suite")
    return data


class Suite:
    """One suite as the worker grades with it. layout: {"inputs": [byte sizes], "outputs": [byte sizes],
    "testtypes": [...]}, one entry per test, describing the bytes that followed the request line."""

    def __init__(self, data, layout):
        input_sizes, output_sizes, testtypes = layout["inputs"], layout["outputs"], layout["testtypes"]
        if not (len(input_sizes) == len(output_sizes) == len(testtypes)):
            raise ValueError("suite layout: inputs, outputs and testtypes differ in length")
        split = sum(input_sizes)
        view = memoryview(data)
        self.input_sizes = input_sizes
        self.input_bytes = view[:split]
        self.inputs = Texts(self.input_bytes, input_sizes)
        self.outputs = list(Texts(view[split:], output_sizes))
        self._testtypes = testtypes
        # the prediction check the suite asks for (one test of its kind), or None for program tests
        self.check = prediction_checks.check_of([{"testtype": testtype} for testtype in testtypes])

    @property
    def tests(self):
        """The tests as request dicts, as the prediction checks take them (one small test)."""
        return [{"input": i, "output": o, "testtype": t} for i, o, t in zip(self.inputs, self.outputs, self._testtypes)]


class Suites:
    """The last `capacity` suites a worker used, by hash."""

    def __init__(self, capacity):
        self._capacity, self._held = max(1, capacity), collections.OrderedDict()

    def take(self, request, stream):
        """The request's suite: read from `stream` when the request brings one ("suite_layout"), else
        the one held under its hash; None when it names a suite this worker does not hold."""
        key, layout = request.get("suite"), request.get("suite_layout")
        if not isinstance(key, str):
            raise ValueError("request needs a string 'suite' (the suite's hash)")
        if layout is not None:
            size = sum(layout["inputs"]) + sum(layout["outputs"])
            self._held[key] = Suite(read_exactly(stream, size), layout)
            while len(self._held) > self._capacity:
                self._held.popitem(last=False)
        elif key not in self._held:
            return None
        self._held.move_to_end(key)
        return self._held[key]
