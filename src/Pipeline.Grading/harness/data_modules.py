"""numpy and pandas for the program samples that import them, and only for them (decision 019, stop 24).

The official child is forked from a parent that has both loaded (its runner imports numpy, and pandas with
`datasets`), so a sample's import of either costs it nothing and runs before the official guard. Every fork and
exit of an image with numpy mapped costs about 0.9 ms more than one without, and hardly any sample imports them,
so the programs' plain fork server does without them. The data server serves the samples that need them: it loads
each module when a sample first needs it (the worker imports neither at start: a third of its start), and its
children take the guard themselves. Which samples is not guessed from their text: in a child whose server lacks
one of these modules, the first import that reaches it (however the sample names it, or through another package)
stops the child with a report before the module runs a line, and the worker starts the sample again on a data
child that has it (worker.grade). Importing it in the child instead would run it after the guard, which has set
os functions their imports call to None.
"""
import importlib
import importlib.util
import os
import sys

MODULES = ("numpy", "pandas")
# found, not imported: a module that is not installed fails the same way in any child
AVAILABLE = tuple(name for name in MODULES if importlib.util.find_spec(name) is not None)


def needs(module):
    return {"needs": module}


def imported(name):
    """The module, imported on first use, or None where it is not installed: the worker decodes numpy values only
    when a child reports one."""
    return importlib.import_module(name) if name in AVAILABLE else None


def missing():
    """The modules this process (a fork server, so each of its children) would have to import itself."""
    return frozenset(name for name in AVAILABLE if name not in sys.modules)


class _StopAtDataModules:
    """A meta path finder: asked only for modules not loaded yet."""

    def __init__(self, channel, modules):
        self._channel, self._modules = channel, modules

    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in self._modules:
            try:
                self._channel.report(needs(top))
            finally:
                os._exit(0)
        return None


def stop_at_missing(channel):
    """In a program sample's child, before any of its code: nothing to do where both are loaded."""
    modules = missing()
    if modules:
        sys.meta_path.insert(0, _StopAtDataModules(channel, modules))
