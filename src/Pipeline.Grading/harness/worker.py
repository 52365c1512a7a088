"""Warm grading worker: see PROTOCOL.md next to this file.

Imports the grader and the import header's modules once (numpy and pandas only for the fork servers of the
samples that need them, data_modules.py), then has one child per sample forked (by fork_server.py, which
never sees a request). The child runs the sample's code on the test inputs only (sample_runner.py, under
the official reliability_guard, which a program sample's fork server applied before forking it) and
reports raw outcomes; the worker, which alone holds the expected outputs, makes the official comparisons
(verdicts.py), tells the child to go on or stops it, enforces the whole-sample backstop and kills the
child's process group. Whatever the child writes is data, never a verdict. Each child is forked before its
request arrives, so the fork is off the sample's critical path; starting python3 and importing numpy would
cost about a hundred ms.
"""
import argparse
import functools
import gc
import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fork_server  # noqa: E402
import lcb_grader  # noqa: E402
import data_modules  # noqa: E402
import prediction_checks  # noqa: E402
import prepared  # noqa: E402
import sample_runner  # noqa: E402
import stdin_mocks  # noqa: E402
import suites  # noqa: E402
import verdicts  # noqa: E402

# A stdin program up to this size is unwrapped and wrapped (ast) here, in the worker, not in its child: the
# same work costs the child about a tenth of its copy-on-write faults (decision 019). The bound keeps what
# parsing hostile code can cost the worker small; a longer program is wrapped by its child, as before.
WRAP_IN_WORKER_MAX_CHARS = 64 * 1024

# What the official runner returns when its grading child dies before reporting (backstop, os._exit,
# segfault): check_correctness indexes an empty metadata list and the caller keeps its initial [-2].
DIED_RESULTS = [-2]
DIED_METADATA = {"error": "IndexError('list index out of range')", "error_code": -5,
                 "error_message": "TestRunnerError"}


def parse_limits(argv):
    parser = argparse.ArgumentParser(description="LCB warm grading worker")
    parser.add_argument("--tmp-root", default="/tmp")
    parser.add_argument("--file-size-bytes", type=int, default=256 * 1024 * 1024)
    parser.add_argument("--max-processes", type=int, default=0)
    parser.add_argument("--memory-bytes", type=int, default=0)
    parser.add_argument("--cpu-seconds", type=int, default=0, help="0 = the sample's backstop")
    parser.add_argument("--held-suites", type=int, default=2, help="suites kept by hash (WorkerConversation.HeldSuites)")
    return parser.parse_args(argv)


def warm_up():
    """Returns the prepared.Prepared every child uses."""
    sys.set_int_max_str_digits(50000)
    made_once = prepared.Prepared()  # imports the header's modules
    run_the_sample_path_once()
    gc.collect()
    gc.freeze()  # keep the warm heap out of the children's collections: fewer copy-on-write faults
    return made_once


def run_the_sample_path_once():
    """What every sample's child does first on a cold path (wrapping its code with ast, the stdin mocks that
    build their classes and caches on first use, the modules reliability_guard imports), done once here on a
    program of our own, so each child inherits the result instead of building it again. Copy-on-write faults
    are most of a sample's cost on a virtualised host (decision 019); nothing of it is a sample's state."""
    import subprocess  # noqa: F401  (reliability_guard imports it in every child)
    compile(lcb_grader.stdin_program("print(input())"), "<warm-up>", "exec")
    stdin, sys.stdin = sys.stdin, open(os.devnull)
    try:
        with lcb_grader.CapturedStdout():
            stdin_mocks.run_with_stdin(lambda: print(input()), "0\n")
    finally:
        sys.stdin.close()
        sys.stdin = stdin


# as they were before reliability_guard removed them: the fork server of program samples is guarded (Children)
_fork, _chdir = os.fork, os.chdir


class Hooks:
    """What a sandbox changes about each sample's process (PROTOCOL.md, "Hooks"), passed to main().
    These defaults are for a worker with no sandbox: a plain fork and a private dir under --tmp-root."""

    def fork(self):
        return _fork()

    def make_workdir(self, root):
        """In the worker, before the child is forked: the path that becomes the child's cwd."""
        return tempfile.mkdtemp(prefix="s-", dir=root)

    def isolate(self, workdir):
        """In the child, before its request is read (so off the sample's critical path)."""
        _chdir(workdir)

    def wipe_workdir(self, path):
        """In the worker, once the child is gone."""
        def make_writable_and_retry(function, failed_path, _):
            os.chmod(os.path.dirname(failed_path), 0o700)
            if os.path.isdir(failed_path) and not os.path.islink(failed_path):
                os.chmod(failed_path, 0o700)
            function(failed_path)
        shutil.rmtree(path, onerror=make_writable_and_retry)


def apply_limits(limits, backstop_seconds):
    """Per-sample rlimits, applied in the child once its request (hence its backstop) is known."""
    cpu = limits.cpu_seconds or backstop_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    if limits.file_size_bytes:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_size_bytes, limits.file_size_bytes))
    if limits.max_processes:
        resource.setrlimit(resource.RLIMIT_NPROC, (limits.max_processes, limits.max_processes))
    if limits.memory_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))


def kill_child_tree(pid):
    """The child leads its own session, so its process group holds everything it started."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def to_official_code(result):
    """The official runner turns numpy values into Python ones (it raises on an empty array, see
    official_codes); here True/False become 1/0."""
    numpy = lcb_grader.loaded_numpy()
    if numpy is not None:
        if isinstance(result, numpy.ndarray):
            result = result.item(0)
        if isinstance(result, numpy.bool_):
            result = bool(result)
    if isinstance(result, bool):
        return 1 if result else 0
    if isinstance(result, int):
        return result
    return 1 if result else 0


def official_codes(results, metadata):
    """(codes, metadata) as the official caller leaves them: when its conversion raises (item(0) of an
    empty numpy array that a comparison produced), it records a TestRunnerError for the sample and
    keeps the raw results, whose empty array is falsy: 0 here."""
    try:
        return [to_official_code(result) for result in results], metadata
    except Exception as exc:
        codes = []
        for result in results:
            try:
                codes.append(to_official_code(result))
            except Exception:
                codes.append(0)
        return codes, {"error": repr(exc), "error_code": -5, "error_message": "TestRunnerError"}


class Children:
    """The fork servers and the child forked ahead of the next sample. Program samples' children come from a
    server that took the official reliability_guard before serving (Prepared.guard: each child would take the
    same one first, at about a tenth of its copy-on-write faults, decision 019); prediction checks' children
    from one that did not (test output prediction runs unguarded officially; code execution's child guards
    itself). The child forked ahead is of the last sample's kind; a sample of the other kind replaces it.
    A program sample that imports numpy or pandas is started again on a child of the data server, which has it
    loaded (data_modules.py); the next child is a plain one again. No server has either module until a sample
    needs it: most runs never do, and importing numpy is most of what a worker's start costs."""

    def __init__(self, limits, servers, hooks):
        self._make_child = functools.partial(Child, limits, hooks=hooks)
        self._servers = servers  # {"programs": ForkServer, "data": ForkServer, "checks": ForkServer}
        available = frozenset(data_modules.AVAILABLE)
        self._missing = {kind: available for kind in servers}  # the data modules each server has not loaded
        self._kind = "programs"
        self._shared = None  # the suite whose inputs the children are given as a sealed memfd (suites.py)
        self.next = self._forked()

    def for_suite(self, suite):
        """The child for a sample of suite. Code execution's BASE_IMPORTS imports numpy and pandas, which the
        official runner's parent has loaded before it forks (it imports `datasets`): the first execution check
        has the checks' server load them, and a child forked before that is replaced. Other samples' children do
        without them: pandas doubles the memory every fork copies and every exit frees (decision 019)."""
        kind = "checks" if suite.check else "programs"
        loaded = suite.check == "execution" and self._load("checks", "pandas")
        shares = suite.inputs_fd is not None and suite is not self._shared
        if shares:
            self._shared = suite
        if kind != self._kind or loaded or shares:
            self._kind = kind
            self.replace()
        return self.next

    def with_module(self, module):
        """A data child that has module loaded, in place of the one that stopped at the sample's import of it."""
        self._load("data", module)
        self._kind = "data"
        self.replace()
        self._kind = "programs"  # the child forked after this sample is a plain one again
        return self.next

    def replace(self):
        """The used (or unfit) child goes, and the next is forked, given the inputs of the last suite shared
        (the next sample is most likely of the same problem)."""
        self.next.finish()
        if self._shared is not None and self._shared.inputs_fd is None:  # no longer held
            self._shared = None
        self.next = self._forked()

    def _forked(self):
        """A child of the current kind's server. A program sample's child may stop at an import its server lacks;
        a check's never does (its server loads what the official check imports before it is forked)."""
        may_need = frozenset() if self._kind == "checks" else self._missing[self._kind]
        return self._make_child(self._servers[self._kind], shared=self._shared, may_need=may_need)

    def _load(self, kind, module):
        """Has kind's server import module, and the data modules before it that it lacks (pandas imports numpy);
        True when it loaded any."""
        wanted = data_modules.MODULES[:data_modules.MODULES.index(module) + 1]
        loaded = {name for name in wanted if name in self._missing[kind] and self._servers[kind].load(name)}
        self._missing[kind] = self._missing[kind] - loaded
        return bool(loaded)


class Child:
    """A child forked ahead of its sample (fork is the costly step, so it happens while the worker is
    idle), by the fork server, so it never inherits a request; it waits for its request on a pipe,
    runs the tests it is told to and reports on another pipe."""

    def __init__(self, limits, server, hooks, shared=None, may_need=frozenset()):
        self._hooks = hooks
        self.may_need = may_need  # the modules its server lacks: it may stop at the sample's import of one
        self.workdir = hooks.make_workdir(limits.tmp_root)
        self.shared = shared  # the suite whose sealed inputs it holds, or None
        request_read, self.request_fd = os.pipe()
        self.result_fd, result_write = os.pipe()
        try:
            self.pid = server.spawn(request_read, result_write, self.workdir, shared and shared.inputs_fd)
        finally:
            os.close(request_read)
            os.close(result_write)
        self.pidfd = os.pidfd_open(self.pid)  # the child waits for its request: it cannot be gone yet

    def send(self, request, inputs=b""):
        """The request is one line, then the bytes of the inputs its "input_sizes" describe (none for a
        prediction check, nor when they are the shared ones it holds); the pipe then stays open for the
        parent's commands (see Link)."""
        for data in (json.dumps(request).encode("utf-8") + b"\n", inputs):
            view = memoryview(data)
            while view:
                view = view[os.write(self.request_fd, view):]

    def finish(self):
        """Also right after the fork: the child may not lead its group yet, so it is killed by pid too."""
        self._close_request()
        try:
            signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
        except ProcessLookupError:  # already gone
            pass
        kill_child_tree(self.pid)
        select.select([self.pidfd], [], [])  # readable once the child has exited (the server reaps it)
        os.close(self.pidfd)
        os.close(self.result_fd)
        self._hooks.wipe_workdir(self.workdir)

    def _close_request(self):
        if self.request_fd >= 0:
            os.close(self.request_fd)
            self.request_fd = -1


def run_child(request_fd, result_fd, workdir, inputs_fd=None, *, limits, hooks, made_once):
    """Never returns: grades in the forked child and exits without running the parent's cleanup.
    inputs_fd: a suite's sealed inputs (suites.py), used when the request says they are its own."""
    status = 0
    try:
        os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        kept = (request_fd, result_fd, made_once.header.stdin.fileno())
        fork_server.close_fds_except(kept if inputs_fd is None else (*kept, inputs_fd))
        hooks.isolate(workdir)
        made_once.header.install_stdin()
        commands = os.fdopen(request_fd, "rb")
        request = json.loads(commands.readline())
        if "input_sizes" in request:  # each input is decoded when its test runs
            sizes = request.pop("input_sizes")
            inputs = (suites.map_inputs(inputs_fd, sum(sizes)) if request.pop("inputs_shared", False)
                      else suites.read_exactly(commands, sum(sizes)))
            request["inputs"] = suites.Texts(inputs, sizes)
        if inputs_fd is not None:  # mapped or not needed: closed before any sample code runs
            os.close(inputs_fd)
        apply_limits(limits, backstop_seconds(request["timeout"], len(request["inputs"])))
    except BaseException as exc:  # setup failed: our fault, not the sample's
        os.write(result_fd, json.dumps({"fault": f"child setup failed: {exc!r}"}).encode() + b"\n")
        os._exit(1)
    try:
        channel = sample_runner.Channel(commands, result_fd)
        channel.report({"started": True})  # before any sample code: a later "fault" is not believed
        if "check" in request:
            prediction_checks.run(request, channel)
        else:
            data_modules.stop_at_missing(channel)
            sample_runner.run(request, channel, made_once)
    except BaseException:  # escaped the official handlers too: the official child dies here as well
        status = 1
    os._exit(status)


def backstop_seconds(timeout, tests):
    """The official whole-sample limit, (timeout + 1) * tests + 5."""
    return (timeout + 1) * tests + 5


class Link:
    """The parent's end of the conversation with one child (see sample_runner.py): commands out on the
    request pipe, report lines in on the result pipe, all under the whole-sample deadline. A report is
    taken at a newline, at pipe EOF or at child exit, whichever comes first, so a grandchild holding
    the pipe open cannot stall the worker. Any trouble is verdicts.ChildLost."""

    def __init__(self, child, deadline):
        self._child, self._deadline, self._buffer = child, deadline, bytearray()

    def send(self, command):
        try:
            os.write(self._child.request_fd, command.encode("ascii") + b"\n")
        except OSError:
            raise verdicts.ChildLost() from None

    def receive(self):
        line = self._read_line(self._child.pidfd)
        if line is None:
            raise verdicts.ChildLost()
        report = verdicts.parse_report(line)
        if isinstance(report, dict) and report.keys() == {"needs"}:
            if report["needs"] in self._child.may_need:
                raise verdicts.NeedsModule(report["needs"])
            raise verdicts.ChildLost()  # naming a module its server has: forged
        return report

    def ends_quietly(self):
        """True when the child ends (exit or EOF) with nothing more to say, before the deadline: a report
        followed by another line means something besides the honest reporter wrote to the pipe."""
        return self._read_line(self._child.pidfd) is None and not self._buffer and time.monotonic() < self._deadline

    def _read_line(self, pidfd):
        fd, poller = self._child.result_fd, select.poll()
        poller.register(fd, select.POLLIN)
        poller.register(pidfd, select.POLLIN)
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line = bytes(self._buffer[:end])
                del self._buffer[:end + 1]
                return line
            if len(self._buffer) > verdicts.MAX_REPORT_BYTES:
                return None
            remaining = self._deadline - time.monotonic()
            if remaining <= 0:
                return None
            events = dict(poller.poll(remaining * 1000))
            if fd in events:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    return None
                self._buffer += chunk
            elif pidfd in events:  # the child is gone: take what it left, without blocking
                os.set_blocking(fd, False)
                try:
                    while (chunk := os.read(fd, 1 << 20)) and len(self._buffer) <= verdicts.MAX_REPORT_BYTES:
                        self._buffer += chunk
                except BlockingIOError:
                    pass
                end = self._buffer.find(b"\n")
                return bytes(self._buffer[:end]) if end >= 0 else None


def grade(request, suite, children):
    child = children.for_suite(suite)
    if suite.check:
        request["tests"] = suite.tests
        return prediction_checks.grade(request, child, Link, time.monotonic)
    for _ in data_modules.MODULES:  # each start again loads one more: the last child has them all
        try:
            return grade_program(request, suite, child)
        except verdicts.NeedsModule as needs:
            child = children.with_module(needs.module)
    return grade_program(request, suite, child)


def grade_program(request, suite, child):
    timeout = max(1, int(round(float(request.get("timeout") or 6))))
    fn_name = request.get("fn_name")
    code, wrapped = request["code"], False
    if fn_name is None and len(code) <= WRAP_IN_WORKER_MAX_CHARS:
        code, wrapped = lcb_grader.stdin_program(code), True
    shared = child.shared is suite
    try:  # the child gets the inputs as they came (or maps the shared ones), and no expected output
        child.send({"code": code, "wrapped": wrapped, "input_sizes": suite.input_sizes, "inputs_shared": shared,
                    "fn_name": fn_name, "timeout": timeout}, b"" if shared else suite.input_bytes)
    except BrokenPipeError:
        return {"fault": "the pre-forked child died before its sample"}
    link = Link(child, time.monotonic() + backstop_seconds(timeout, len(suite.outputs)))
    try:
        results, metadata = verdicts.judge(link, suite.inputs, suite.outputs, fn_name)
    except verdicts.ChildFault as fault:
        return {"fault": str(fault)}
    except verdicts.ChildLost:
        return {"results": DIED_RESULTS, "metadata": DIED_METADATA}
    codes, metadata = official_codes(results, metadata)
    return {"results": codes, "metadata": metadata}


def handle(line, children, held, stream):
    """One request line (and the suite bytes after it, when it brings its suite) to one reply line, and
    whether a child was used (not when the request names a suite the worker lacks: the caller then
    sends it again with the suite, and the same child, which saw nothing, takes it)."""
    request_id = None
    try:
        request = json.loads(line)
        request_id = request.get("id")
        started = time.monotonic()
        suite = held.take(request, stream)
        if suite is None:
            return json.dumps({"id": request_id, "need_suite": True}), False
        if not isinstance(request.get("code"), str):
            raise ValueError("request needs a string 'code'")
        reply = grade(request, suite, children)
        reply["elapsed_ms"] = round((time.monotonic() - started) * 1000, 3)
        reply["id"] = request_id
        return json.dumps(reply, allow_nan=False), True  # strict JSON, or a fault below: never a line the caller cannot read
    except Exception as exc:
        return json.dumps({"fault": f"{type(exc).__name__}: {exc}", "id": request_id}), True


def main(argv, hooks=None):
    """hooks: a Hooks (sandboxed_worker.py passes the sandbox's); default: none."""
    limits = parse_limits(argv)
    hooks = hooks or Hooks()
    channel = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything printed by mistake goes to the log, never into the channel
    made_once = warm_up()

    def send(line):
        channel.write(line.encode("utf-8") + b"\n")

    # forked before any request, so their images hold none; they fork the samples with the hooks' fork
    run = functools.partial(run_child, limits=limits, hooks=hooks, made_once=made_once)
    keep = (made_once.header.stdin.fileno(),)
    # the data server is unguarded, unlike the plain one: numpy and pandas are loaded into it when a sample first
    # needs them (Children), and its children take the guard themselves
    servers = {"programs": fork_server.ForkServer(run, hooks.fork, keep, prepare=made_once.guard),
               "data": fork_server.ForkServer(run, hooks.fork, keep),
               "checks": fork_server.ForkServer(run, hooks.fork, keep)}
    children = Children(limits, servers, hooks)
    held = suites.Suites(limits.held_suites)
    send(json.dumps({"ready": True, "pid": os.getpid(), "python": sys.version.split()[0]}))
    try:
        stream = sys.stdin.buffer
        for line in stream:
            if not line.strip():
                continue
            reply, child_used = handle(line, children, held, stream)
            if not child_used:
                send(reply)
                continue
            try:
                send(reply)
            finally:
                children.replace()
    finally:
        children.next.finish()


if __name__ == "__main__":
    main(sys.argv[1:])
