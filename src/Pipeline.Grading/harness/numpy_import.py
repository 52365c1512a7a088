"""numpy for the program samples that import it, and only for them (decision 019, stop 24).

The official child is forked from a parent that imported numpy, so a sample's `import numpy` costs it
nothing. Every fork and exit of an image with numpy mapped costs about 0.9 ms more than one without, and
hardly any sample imports it, so the programs' plain fork server does without numpy and a second one, forked
after numpy was imported, serves the samples that need it. Which samples is not guessed from their text: in
a plain server's child the first import that reaches numpy (however the sample names it, or through pandas)
stops the child with a report before numpy runs a line, and the worker starts the sample again on a child of
the numpy server (worker.grade). numpy cannot be imported in the plain child instead: the official guard has
already set os functions its import calls to None there.
"""
import importlib.util
import os
import sys

NEEDS_NUMPY = {"needs": "numpy"}
# found, not imported: without numpy installed a sample's import fails the same way in any child
AVAILABLE = importlib.util.find_spec("numpy") is not None


def load():
    """In the worker, once the plain programs server is forked: for the servers forked after it, and for the
    worker's own decoding of numpy values the children report."""
    if AVAILABLE:
        import numpy  # noqa: F401


class _StopAtNumpy:
    """A meta path finder: asked only for modules not loaded yet, so never once numpy is."""

    def __init__(self, channel):
        self._channel = channel

    def find_spec(self, name, path=None, target=None):
        if name == "numpy" or name.startswith("numpy."):
            try:
                self._channel.report(NEEDS_NUMPY)
            finally:
                os._exit(0)
        return None


def stop_at_numpy(channel):
    """In a program sample's child, before any of its code: nothing to do where numpy is loaded."""
    if AVAILABLE and "numpy" not in sys.modules:
        sys.meta_path.insert(0, _StopAtNumpy(channel))
