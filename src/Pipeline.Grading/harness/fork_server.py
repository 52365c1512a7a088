"""The worker's fork server: forks the per-sample children from a process that never sees a request.

A child forked from the worker itself would inherit the worker's heap, and with it (freed but not
wiped) the bytes of earlier requests, expected outputs included: a sample could scan its own memory
for the outputs of the previous sample of the same problem. So the worker forks this server once,
after warming up and before reading any request; the server then forks every sample's child from
that clean, warm image (the fork stays cheap and copy-on-write). The worker passes the child's two
pipe ends (and a suite's sealed inputs, suites.py) and its private dir over a socket (SCM_RIGHTS) and
gets its pid back. The server is not the samples' business: with the sandbox, they live in PID
namespaces of their own. It can also be told to import a module, so that the children it forks from then
on have it loaded, and given a step to take once before it serves (`prepare`: what every child it forks
would otherwise do first; see worker.Children).
"""
import _signal
import gc
import importlib
import os
import signal
import socket


class ForkServer:
    """run_child(request_fd, result_fd, workdir) runs in each child; fork_child makes the child (a
    sandbox's fork clones it into namespaces of its own). The server itself is a plain fork, and keeps
    only its socket, stderr and keep_fds (descriptors the children need, opened before it)."""

    def __init__(self, run_child, fork_child, keep_fds=(), prepare=None):
        self._socket, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.pid = os.fork()
        if self.pid == 0:
            self._socket.close()
            _serve(theirs, run_child, fork_child, keep_fds, prepare)
        theirs.close()

    def spawn(self, request_fd, result_fd, workdir, inputs_fd=None):
        """Forks a child that runs run_child(request_fd, result_fd, workdir[, inputs_fd]); returns its pid."""
        fds = [request_fd, result_fd] if inputs_fd is None else [request_fd, result_fd, inputs_fd]
        socket.send_fds(self._socket, [os.fsencode(workdir)], fds)
        reply = self._socket.recv(32)
        if not reply.isdigit():
            raise RuntimeError(f"the fork server failed: {reply!r}")
        return int(reply)

    def load(self, module):
        """Has the server import module, for every child forked from now on. False when the module cannot
        be imported: the children then fail to import it, as any program would."""
        self._socket.send(b"load " + module.encode("ascii"))
        return self._socket.recv(32) == b"loaded"


def close_fds_except(keep):
    """Closes every descriptor from 3 up but those in keep."""
    low = 3
    for fd in sorted(set(keep)):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 1 << 16)


def _serve(sock, run_child, fork_child, keep_fds, prepare):
    """Never returns. Children are reaped by the kernel (SIGCHLD ignored); the worker watches them
    through pidfds. EOF on the socket (the worker is gone) ends the server."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    try:  # keep stderr only: the server must not hold the worker's request stream or reply channel
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        close_fds_except((sock.fileno(), *keep_fds))
        if prepare is not None:
            prepare()
        while True:
            message, fds, _, _ = socket.recv_fds(sock, 4096, 3)
            if not fds and message.startswith(b"load "):
                sock.send(_load(message[len(b"load "):].decode("ascii")))
                continue
            if not message or len(fds) not in (2, 3):
                os._exit(0)
            try:
                pid = fork_child()
            except OSError as error:
                sock.send(f"fork: {error}".encode()[:32])
                pid = None
            if pid == 0:
                # _signal's, not signal's: the latter's enum wrapping costs every child copy-on-write faults
                _signal.signal(_signal.SIGCHLD, _signal.SIG_DFL)
                sock.close()
                run_child(fds[0], fds[1], os.fsdecode(message), *fds[2:])
            for fd in fds:
                os.close(fd)
            if pid is not None:
                sock.send(str(pid).encode())
    except BaseException:
        os._exit(1)


def _load(module):
    try:
        importlib.import_module(module)
    except ImportError:
        return b"missing"
    gc.collect()
    gc.freeze()  # as the warm-up does: the children's collections leave the module's objects alone
    return b"loaded"
