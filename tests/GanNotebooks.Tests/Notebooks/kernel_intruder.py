#!/usr/bin/python3
"""A local intruder against a kernel started from a kernel spec, as the kernel isolation tests use it.

Usage: kernel_intruder.py <jupyter-path> <kernel-name> <scratch-folder>
Starts the kernel as Jupyter does, then, as another local process that does not know the key would, tries to run code
in it: through every TCP port that the kernel's processes listen on in this machine's network (where the HTTP API's
SignalR hub would be, and the Jupyter ports), with messages signed by a wrong key; finally, as its owner, with the
right key.
Prints one line per finding, "finding name: value", and exits 0 when it could run all of that.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

from jupyter_client import BlockingKernelClient, KernelManager


def listening_ports(group):
    """The TCP ports on this machine's network that processes of process group `group` listen on."""
    inodes = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.getpgid(int(entry)) != group:
                continue
            for fd in os.listdir(f"/proc/{entry}/fd"):
                target = os.readlink(f"/proc/{entry}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    ports = set()
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            with open(table, encoding="ascii") as stream:
                for line in stream.readlines()[1:]:
                    fields = line.split()
                    if fields[3] == "0A" and fields[9] in inodes:  # LISTEN
                        ports.add(int(fields[1].rsplit(":", 1)[1], 16))
        except OSError:
            pass
    return ports


def main(jupyter_path, kernel_name, scratch):
    os.environ["JUPYTER_PATH"] = jupyter_path
    os.environ["JUPYTER_RUNTIME_DIR"] = scratch
    manager = KernelManager(kernel_name=kernel_name)
    manager.start_kernel(cwd=scratch, stdout=subprocess.DEVNULL, stderr=sys.stderr)
    owner = manager.client()
    owner.start_channels()
    owner.wait_for_ready(timeout=90)
    time.sleep(2)
    new_ports = sorted(listening_ports(os.getpgid(manager.provisioner.pid)))
    info = manager.get_connection_info()
    jupyter_ports = sorted(int(info[k]) for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"))
    print(f"finding new-ports: {json.dumps(new_ports)}")
    print(f"finding jupyter-ports: {json.dumps(jupyter_ports)}")

    hub = []
    for port in new_ports:
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/kernelhub/negotiate?negotiateVersion=1", data=b"", method="POST")
            with urllib.request.urlopen(request, timeout=3) as response:
                hub.append(f"{port}={response.status}")
        except Exception:  # a ZMQ port or nothing: no HTTP answer
            continue
    print(f"finding http-answers: {json.dumps(hub)}")

    forged = os.path.join(scratch, "written-with-a-wrong-key")
    intruder = BlockingKernelClient()
    intruder.load_connection_info(dict(info, key="not-the-key"))
    intruder.start_channels()
    intruder.execute(f'System.IO.File.WriteAllText({json.dumps(forged)}, "x");')
    time.sleep(8)
    intruder.stop_channels()
    print(f"finding wrong-key-ran-code: {os.path.exists(forged)}")

    genuine = os.path.join(scratch, "written-by-the-owner")
    owner.execute_interactive(f'System.IO.File.WriteAllText({json.dumps(genuine)}, "x");', timeout=60)
    print(f"finding owner-ran-code: {os.path.exists(genuine)}")
    owner.stop_channels()
    manager.shutdown_kernel(now=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
