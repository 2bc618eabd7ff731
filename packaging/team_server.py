"""The team server recipe: `chroma run` behind nginx, which speaks TLS and lets in only the team's token.

Chroma's own server has no authentication, so it listens on 127.0.0.1 at a port of its own and nginx (from
Debian's packages) is the only way in: https, and every request but the heartbeat must carry
``Authorization: Bearer <token>``. Started by `make team-server TEAM_PORT=N TEAM_TOKEN=T` in the foreground
(data in a temporary folder, a self-signed certificate made with openssl) until Ctrl+C; on a VPS, give it
a data folder, the public address and a real certificate (README, "A team server").

    python packaging/team_server.py --port 8443 --token SECRET [--data DIR] [--listen 0.0.0.0]
                                    [--cert fullchain.pem --key privkey.pem]

It prints the URL it serves and the certificate to trust (``team_ca``), then ``ready``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TOKEN_CHARS = re.compile(r"^[A-Za-z0-9._~+/=-]{8,256}$")

NGINX_CONF = """\
worker_processes 1;
master_process off;
daemon off;
pid {run}/nginx.pid;
error_log {run}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    client_max_body_size 256m;
    map $http_authorization $zantara_team_ok {{
        default 0;
        "Bearer {token}" 1;
    }}
    server {{
        listen {listen}:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        ssl_protocols TLSv1.2 TLSv1.3;
        location = /api/v2/heartbeat {{
            proxy_pass http://127.0.0.1:{chroma_port};
        }}
        location / {{
            if ($zantara_team_ok = 0) {{
                add_header WWW-Authenticate 'Bearer realm="zantara-team"' always;
                return 401 "missing or wrong team token\\n";
            }}
            proxy_pass http://127.0.0.1:{chroma_port};
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_read_timeout 600s;
            proxy_send_timeout 600s;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def nginx_binary() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), ""
    )
    if not found:
        sys.exit("nginx is missing: run `bash packaging/system-deps.sh` (it installs Debian's nginx).")
    return found


def self_signed(folder: Path, host: str) -> tuple[Path, Path]:
    """A certificate for ``host`` (and localhost / 127.0.0.1), valid one year: trust it with team_ca."""
    cert, key = folder / "team-cert.pem", folder / "team-key.pem"
    names = {"DNS:localhost", "IP:127.0.0.1"}
    names.add(f"IP:{host}" if re.fullmatch(r"[0-9.]+|[0-9a-fA-F:]+", host) else f"DNS:{host}")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-sha256",
            "-days",
            "365",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            f"/CN={host}",
            "-addext",
            "subjectAltName=" + ",".join(sorted(names)),
        ],
        check=True,
        capture_output=True,
    )
    key.chmod(0o600)
    return cert, key


def wait_for(url: str, proc: subprocess.Popen[bytes], what: str, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"{what} exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{what} did not answer at {url} within {seconds:.0f} s")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Chroma behind an authenticating TLS proxy (nginx).")
    parser.add_argument("--port", type=int, required=True, help="the https port to serve")
    parser.add_argument("--token", default=os.environ.get("TEAM_TOKEN", ""), help="the team's bearer token")
    parser.add_argument("--data", type=Path, help="data folder (default: a temporary one, removed at exit)")
    parser.add_argument("--listen", default="127.0.0.1", help="address to listen on (a VPS: 0.0.0.0)")
    parser.add_argument("--hostname", default="", help="name in the self-signed certificate")
    parser.add_argument("--cert", type=Path, help="certificate chain (default: self-signed)")
    parser.add_argument("--key", type=Path, help="its private key")
    args = parser.parse_args(argv)
    if not TOKEN_CHARS.fullmatch(args.token or ""):
        parser.error("--token (or TEAM_TOKEN): 8-256 characters from A-Z a-z 0-9 . _ ~ + / = -")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    temporary = args.data is None
    data = Path(tempfile.mkdtemp(prefix="zantara-team-")) if temporary else args.data.resolve()
    run = data / "run"
    for sub in ("", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run / sub).mkdir(parents=True, exist_ok=True)
    host = args.hostname or ("127.0.0.1" if args.listen in ("127.0.0.1", "0.0.0.0") else args.listen)
    cert, key = (args.cert, args.key) if args.cert and args.key else self_signed(run, host)
    chroma_port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    chroma_log = run / "chroma.log"
    procs: list[subprocess.Popen[bytes]] = []
    with chroma_log.open("ab") as out:
        procs.append(
            subprocess.Popen(
                [
                    str(chroma),
                    "run",
                    "--path",
                    str(data / "chroma"),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(chroma_port),
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        )
    try:
        wait_for(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", procs[0], "chroma run", chroma_log)
        conf = run / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                run=run,
                token=args.token,
                listen=args.listen,
                port=args.port,
                cert=cert,
                key=key,
                chroma_port=chroma_port,
            )
        )
        conf.chmod(0o600)
        nginx_log = run / "nginx-error.log"
        procs.append(
            subprocess.Popen(
                [nginx_binary(), "-p", str(run), "-c", str(conf), "-e", str(nginx_log)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
            )
        )
        wait_for_tls(args.port, procs[1], nginx_log)
        shown = "127.0.0.1" if args.listen in ("127.0.0.1", "0.0.0.0") else args.listen
        print(f"Zantara team server: https://{shown}:{args.port}", flush=True)
        print(f"Certificate to trust (team_ca): {cert}", flush=True)
        print(f"Data: {data}{' (temporary, removed when stopped)' if temporary else ''}", flush=True)
        print("ready (Ctrl+C stops it)", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if temporary:
            shutil.rmtree(data, ignore_errors=True)


def wait_for_tls(port: int, proc: subprocess.Popen[bytes], log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"nginx exited: {log.read_text(errors='replace')[-2000:] if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"nginx did not listen on {port} within {seconds:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
