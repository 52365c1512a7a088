"""The suites a worker holds, by hash (PROTOCOL.md, "Suites").

A suite arrives once per worker, as raw UTF-8 bytes right after the request line that brings it (every
input, then every output: nothing to escape or parse), and later requests name it by its hash. The
inputs stay the bytes they arrived as: each sample's child gets them as they are, and the worker
decodes one only when metadata needs it. A real suite holds tens of megabytes, so a worker keeps a
few, the most recently used.

Inputs of SHARED_INPUTS_MIN_BYTES or more are kept in a sealed memfd instead: each sample's child is
given the descriptor and maps the inputs read-only, where it would otherwise have them copied through
its request pipe into memory of its own (on a 30 MB suite, 190 ms of a sample's second and 30 MB per
child; decision 025). The seals make the file unwritable by anyone, the worker included, so no sample
can change the inputs another sample reads. The expected outputs never go into it.
"""
import collections
import collections.abc
import fcntl
import mmap
import os

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


SHARED_INPUTS_MIN_BYTES = 1 << 20
_SEALS = fcntl.F_SEAL_SEAL | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_GROW | fcntl.F_SEAL_WRITE


def read_exactly(stream, size):
    """size bytes from a buffered binary stream; ValueError when it ends first."""
    data = stream.read(size)
    if len(data) != size:
        raise _ended_short(size - len(data))
    return data


def _ended_short(missing):
    return ValueError(f"the stream ended {missing} bytes short of a suite")


def read_sealed(stream, size):
    """(descriptor, read-only mapping) of a sealed memfd holding the next size bytes of stream; None when
    the kernel refuses memfds (the caller then reads the bytes into memory)."""
    try:
        fd = os.memfd_create("suite-inputs", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    except OSError:
        return None
    try:
        os.ftruncate(fd, size)
        with mmap.mmap(fd, size) as writable:
            view, filled = memoryview(writable), 0
            while filled < size:
                read = stream.readinto(view[filled:])
                if not read:
                    raise _ended_short(size - filled)
                filled += read
            view.release()
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, _SEALS)
        return fd, map_inputs(fd, size)
    except BaseException:
        os.close(fd)
        raise


def map_inputs(fd, size):
    """The inputs in a sealed memfd, mapped read-only (shared: one copy in memory for every mapping)."""
    return mmap.mmap(fd, size, flags=mmap.MAP_SHARED, prot=mmap.PROT_READ)


class Suite:
    """One suite as the worker grades with it, read from the stream after the request line that brought it.
    layout: {"inputs": [byte sizes], "outputs": [byte sizes], "testtypes": [...]}, one entry per test.
    inputs_fd: the sealed memfd holding the inputs, or None when they are in memory (input_bytes)."""

    def __init__(self, stream, layout):
        input_sizes, output_sizes, testtypes = layout["inputs"], layout["outputs"], layout["testtypes"]
        if not (len(input_sizes) == len(output_sizes) == len(testtypes)):
            raise ValueError("suite layout: inputs, outputs and testtypes differ in length")
        size = sum(input_sizes)
        sealed = read_sealed(stream, size) if size >= SHARED_INPUTS_MIN_BYTES else None
        self.inputs_fd, inputs = sealed or (None, read_exactly(stream, size))
        self.input_sizes = input_sizes
        self.input_bytes = memoryview(inputs)
        self.inputs = Texts(self.input_bytes, input_sizes)
        self.outputs = list(Texts(read_exactly(stream, sum(output_sizes)), output_sizes))
        self._testtypes = testtypes
        # the prediction check the suite asks for (one test of its kind), or None for program tests
        self.check = prediction_checks.check_of([{"testtype": testtype} for testtype in testtypes])

    def close(self):
        """Lets the memfd go once no child holds it either (its mapping lives as long as the inputs' views)."""
        if self.inputs_fd is not None:
            os.close(self.inputs_fd)
            self.inputs_fd = None

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
            if key in self._held:
                self._held.pop(key).close()
            self._held[key] = Suite(stream, layout)
            while len(self._held) > self._capacity:
                self._held.popitem(last=False)[1].close()
        elif key not in self._held:
            return None
        self._held.move_to_end(key)
        return self._held[key]
