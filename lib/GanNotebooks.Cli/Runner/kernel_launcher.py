#!/usr/bin/python3
"""Starts a Jupyter kernel that takes code only from the holder of its connection file's key.

.NET Interactive's Jupyter kernel (1.0.712001) has two open doors on this machine's loopback interface:
  * it always serves an HTTP API with a SignalR hub (/kernelhub, ports from 2048) that runs any code it is sent,
    without authentication (the jupyter command has no switch to turn it off);
  * it does not check the HMAC signatures of the Jupyter messages it receives, so anybody who finds its ports can
    run code in it without knowing the key.
Both are reachable by every local process, including other users' processes on a shared course server.

This launcher closes both. It binds the ports Jupyter chose (in the connection file) on the host's loopback, then
moves itself into a network namespace of its own (a new user namespace too when not run as root), where only a
loopback interface exists, and starts the kernel there. The kernel's HTTP API and its Jupyter ports are then
reachable from inside that namespace only. Between the two sides it relays Jupyter's five channels, forwarding a
message from the frontend to the kernel only when its signature is valid for the connection file's key.

Usage (the kernel spec's argv):
  kernel_launcher.py [--isolation required|best-effort] [--report-to-parent] <connection_file> -- <kernel command...>
In the kernel command, the connection file's path (Jupyter puts it wherever the spec says {connection_file}) is replaced
by the kernel's own connection file, an in-memory copy read through /proc/self/fd. With --isolation best-effort (the default) a machine that does not allow
namespaces (some containers) gets the kernel started directly, with a warning on standard error; with required the
launcher exits with code 3 instead.
"""

import ctypes
import hashlib
import hmac
import json
import os
import signal
import socket
import struct
import subprocess
import sys

CLONE_NEWUSER = 0x10000000
CLONE_NEWNET = 0x40000000
SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
PR_SET_PDEATHSIG = 1
DELIMITER = b"<IDS|MSG>"
CHANNELS = ("shell_port", "control_port", "stdin_port", "iopub_port", "hb_port")


def say(text):
    print(f"kernel launcher: {text}", file=sys.stderr, flush=True)


def parse_arguments(argv):
    isolation = "best-effort"
    rest = list(argv)
    while rest and rest[0].startswith("--") and rest[0] != "--":
        option = rest.pop(0)
        if option == "--isolation" and rest:
            isolation = rest.pop(0)
        elif option.startswith("--isolation="):
            isolation = option.split("=", 1)[1]
        else:
            raise SystemExit(f"kernel launcher: unknown option {option}")
    if isolation not in ("required", "best-effort"):
        raise SystemExit("kernel launcher: --isolation takes required or best-effort")
    if len(rest) < 3 or rest[1] != "--":
        raise SystemExit("kernel launcher: usage: kernel_launcher.py [--isolation MODE] <connection_file> -- <kernel command...>")
    return isolation, rest[0], rest[2:]


def read_connection(path):
    with open(path, encoding="utf-8") as stream:
        info = json.load(stream)
    if info.get("transport", "tcp") != "tcp":
        raise ValueError(f"transport {info.get('transport')!r} (only tcp is relayed)")
    if not info.get("key"):
        raise ValueError("the connection file has no key, so no message could be authenticated")
    if info.get("signature_scheme", "hmac-sha256") != "hmac-sha256":
        raise ValueError(f"signature scheme {info.get('signature_scheme')!r} (only hmac-sha256 is checked)")
    return info


def listen_on_host(info):
    """The frontend's side: the five ports of the connection file, bound before the launcher leaves the host's network."""
    sockets = {}
    for channel in CHANNELS:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((info.get("ip", "127.0.0.1"), int(info[channel])))
        listener.listen(64)
        listener.set_inheritable(False)
        sockets[channel] = listener
    return sockets


def enter_private_network():
    """Moves this (single-threaded) process into a new network namespace with its loopback up; raises OSError if refused."""
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNET if uid == 0 else CLONE_NEWUSER | CLONE_NEWNET
    if libc.unshare(flags) != 0:
        error = ctypes.get_errno()
        raise OSError(error, os.strerror(error))
    if uid != 0:  # the same user inside the new user namespace, which owns the new network namespace
        with open("/proc/self/setgroups", "w", encoding="ascii") as stream:
            stream.write("deny")
        with open("/proc/self/uid_map", "w", encoding="ascii") as stream:
            stream.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w", encoding="ascii") as stream:
            stream.write(f"{gid} {gid} 1")
    import fcntl
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        request = struct.pack("16sH14x", b"lo", 0)
        flags_now = struct.unpack("16sH14x", fcntl.ioctl(probe.fileno(), SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(probe.fileno(), SIOCSIFFLAGS, struct.pack("16sH14x", b"lo", flags_now | IFF_UP))


def connection_memfd(info):
    """The kernel's connection file as an anonymous in-memory file (never on disk, readable through /proc/self/fd)."""
    inner = dict(info, ip="127.0.0.1", transport="tcp")
    descriptor = os.memfd_create("kernel-connection", 0)
    os.write(descriptor, json.dumps(inner).encode("utf-8"))
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.set_inheritable(descriptor, True)
    return descriptor


def start_kernel(command, connection_file, descriptor):
    inner = f"/proc/self/fd/{descriptor}"
    # Jupyter has already put the connection file's path wherever the spec said {connection_file}.
    argv = [inner if part in ("{connection_file}", connection_file) else part for part in command]

    def dies_with_launcher():
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    return subprocess.Popen(argv, pass_fds=(descriptor,), preexec_fn=dies_with_launcher)


class SignatureCheck:
    """Jupyter's message signature: HMAC-SHA256 of header, parent header, metadata and content."""

    def __init__(self, key):
        self.key = key.encode("utf-8")
        self.rejected = 0

    def valid(self, frames):
        try:
            at = frames.index(DELIMITER)
        except ValueError:
            return False
        parts = frames[at + 1:]
        if len(parts) < 5:
            return False
        digest = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in parts[1:5]:
            digest.update(part)
        return hmac.compare_digest(digest.hexdigest().encode("ascii"), bytes(parts[0]))


class Relay:
    """The five channels between the host's ports (the frontend) and the kernel's (inside the namespace)."""

    def __init__(self, zmq, listeners, info, check):
        self.zmq = zmq
        self.context = zmq.Context()
        self.check = check
        self.pairs = []
        identity = os.urandom(8)
        for channel, outer_type, inner_type, checked in (
            ("shell_port", zmq.ROUTER, zmq.DEALER, True),
            ("control_port", zmq.ROUTER, zmq.DEALER, True),
            ("stdin_port", zmq.ROUTER, zmq.DEALER, True),
            ("hb_port", zmq.ROUTER, zmq.DEALER, False),
            ("iopub_port", zmq.XPUB, zmq.XSUB, False),
        ):
            outer = self.context.socket(outer_type)
            outer.setsockopt(zmq.LINGER, 0)
            outer.setsockopt(zmq.USE_FD, listeners[channel].fileno())
            outer.bind(f"tcp://{info.get('ip', '127.0.0.1')}:{info[channel]}")
            inner = self.context.socket(inner_type)
            inner.setsockopt(zmq.LINGER, 0)
            if inner_type == zmq.DEALER and channel != "hb_port":
                # shell and stdin share one identity: the kernel answers an input request to the identity of the
                # execute request it came with, on its stdin socket.
                inner.setsockopt(zmq.IDENTITY, identity if channel != "control_port" else os.urandom(8))
            inner.connect(f"tcp://127.0.0.1:{info[channel]}")
            self.pairs.append((channel, outer, inner, checked))

    def run(self, kernel):
        zmq = self.zmq
        poller = zmq.Poller()
        routes = {}
        for channel, outer, inner, checked in self.pairs:
            poller.register(outer, zmq.POLLIN)
            poller.register(inner, zmq.POLLIN)
            routes[outer] = (inner, checked, channel)
            routes[inner] = (outer, False, channel)
        while kernel.poll() is None:
            for sock, _ in poller.poll(500):
                target, checked, channel = routes[sock]
                frames = sock.recv_multipart(copy=True)
                if checked and not self.check.valid(frames):
                    self.check.rejected += 1
                    if self.check.rejected <= 5:
                        say(f"dropped a message on the {channel.replace('_port', '')} channel: its signature does not "
                            "match the connection file's key")
                    continue
                target.send_multipart(frames, copy=True)

    def close(self):
        for _, outer, inner, _ in self.pairs:
            outer.close(0)
            inner.close(0)
        self.context.term()


def forward_signals(kernel):
    def forward(number, _frame):
        try:
            kernel.send_signal(number)
        except ProcessLookupError:
            pass

    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(number, forward)
    # Jupyter interrupts a kernel by sending SIGINT to its whole process group, which the kernel is in.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def main(argv):
    isolation, connection_file, command = parse_arguments(argv)
    try:
        info = read_connection(connection_file)
        listeners = listen_on_host(info)
        enter_private_network()
    except (OSError, ValueError, KeyError) as error:
        reason = f"cannot isolate the kernel ({error})"
        if isolation == "required":
            say(f"{reason}; refusing to start it without isolation.")
            return 3
        say(f"WARNING: {reason}. The kernel starts without isolation: any local process can send it code through its "
            "HTTP port (127.0.0.1, from 2048) and its Jupyter ports. See the README's security section.")
        argv_direct = [part.replace("{connection_file}", connection_file) for part in command]
        os.execvp(argv_direct[0], argv_direct)
    import zmq  # only now: its threads must start inside the new namespace

    descriptor = connection_memfd(info)
    kernel = start_kernel(command, connection_file, descriptor)
    forward_signals(kernel)
    relay = Relay(zmq, listeners, info, SignatureCheck(info["key"]))
    try:
        relay.run(kernel)
    finally:
        if kernel.poll() is None:
            kernel.kill()
        relay.close()
    code = kernel.wait()
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
