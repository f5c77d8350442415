"""The deployment recipe of deploy/, started on this machine in a throwaway directory for
`make bench` (bench/bench.py): nginx (the site file of deploy/nginx, with a certificate from a
local CA) in front of gunicorn with the production settings, on PostgreSQL or SQLite and Redis,
beside whatever else runs. Ports, directories and gunicorn on TCP are changed in the site file.
CI checks the real installation instead (deploy/install.sh, .ci/run_stack.py), which shares the
CA and the HTTPS client below."""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import redis
import urllib3

ROOT = Path(__file__).resolve().parent.parent
SITE_FILE = ROOT / "deploy" / "nginx" / "petr.conf"
PYTHON = ROOT / ".venv" / "bin" / "python"
HOST = "www.petr.example"
MAIN_CONF = """daemon off;
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    include {tmp}/petr.conf;
    include {tmp}/extra/*.conf;
}}
"""


class Client(urllib3.HTTPSConnectionPool):
    """Names the site in every request (Host), whatever other headers the caller gives."""

    def urlopen(self, method, url, headers=None, **kwargs):
        host = HOST if self.port == 443 else f"{HOST}:{self.port}"
        headers = {"Host": host, **(headers or {})}
        return super().urlopen(method, url, headers=headers, **kwargs)


@dataclass
class Stack:
    tmp: Path
    env: dict
    http_port: int
    https_port: int
    app_port: int
    ca: Path

    @property
    def site_url(self):
        return f"https://{HOST}:{self.https_port}"

    def client(self, source="127.0.0.1", **kwargs):
        """An HTTPS client of the site through nginx, checking its certificate against the local
        CA, connecting from `source` (any 127.x address: a distinct client for nginx)."""
        return Client(
            "127.0.0.1",
            self.https_port,
            server_hostname=HOST,
            assert_hostname=HOST,
            ca_certs=str(self.ca),
            source_address=(source, 0),
            retries=False,
            **kwargs,
        )

    def manage(self, *args, **kwargs):
        return subprocess.run(
            [str(PYTHON), "manage.py", *args], cwd=ROOT, env=self.env, check=True, **kwargs
        )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(*command, **kwargs):
    subprocess.run(command, check=True, capture_output=True, **kwargs)


def local_ca(tmp):
    """A CA and a certificate for the site's names, signed by it (openssl)."""
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Autorite de test du PETR",
        "-keyout",
        tmp / "ca.key",
        "-out",
        tmp / "ca.pem",
    )
    run(
        "openssl",
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        f"/CN={HOST}",
        "-keyout",
        tmp / "site.key",
        "-out",
        tmp / "site.csr",
    )
    (tmp / "san.ext").write_text(f"subjectAltName=DNS:{HOST},DNS:petr.example\n")
    run("openssl", "x509", "-req", "-days", "2", "-in", tmp / "site.csr", "-CA", tmp / "ca.pem",
        "-CAkey", tmp / "ca.key", "-CAcreateserial", "-extfile", tmp / "san.ext",
        "-out", tmp / "site.pem")  # fmt: skip
    return tmp / "ca.pem"


def site_file(tmp, http_port, https_port, app_port):
    conf = SITE_FILE.read_text()
    conf = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", conf)
    conf = re.sub(r"listen 80;", f"listen 127.0.0.1:{http_port};", conf)
    conf = re.sub(r"listen 443 ssl http2", f"listen 127.0.0.1:{https_port} ssl http2", conf)
    conf = conf.replace(f"https://{HOST}$request_uri", f"https://{HOST}:{https_port}$request_uri")
    conf = conf.replace("unix:/run/petr/gunicorn.sock", f"127.0.0.1:{app_port}")
    conf = conf.replace("/srv/petr/var/", f"{tmp}/var/")
    conf = conf.replace("/var/cache/nginx/petr", f"{tmp}/nginx-cache")
    conf = re.sub(r"/etc/letsencrypt/live/[^;]*/fullchain\.pem", str(tmp / "site.pem"), conf)
    return re.sub(r"/etc/letsencrypt/live/[^;]*/privkey\.pem", str(tmp / "site.key"), conf)


def wait_until(answers, deadline=60, failure="gunicorn ne répond pas : voir ci-dessus."):
    """Poll `answers()` (True once the server serves) until it does, or stop with `failure`."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            if answers():
                return
        except urllib3.exceptions.HTTPError:
            pass
        time.sleep(0.2)  # polling a server that is starting
    raise SystemExit(failure)


def healthy(port):
    """gunicorn's own answer on `port` (before nginx), as if through the proxy."""
    response = urllib3.PoolManager(retries=False).request(
        "GET", f"http://127.0.0.1:{port}/healthz",
        headers={"Host": HOST, "X-Forwarded-Proto": "https"}, timeout=2,
    )  # fmt: skip
    return response.status == 200


@contextmanager
def running_stack(database_url, redis_url, workers=2, quiet=True):
    """Migrate, seed and collect into a fresh directory, then serve; stops everything on exit.
    No `database_url`: SQLite in that directory. Servers added to {tmp}/extra/*.conf join nginx
    at its next reload (`reload_nginx`)."""
    tmp = Path(tempfile.mkdtemp(prefix="petr-stack-"))
    tmp.chmod(0o755)  # nginx's workers run as another user than its master
    (tmp / "var").mkdir()
    ports = {name: free_port() for name in ("http_port", "https_port", "app_port")}
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "petr.settings.production",
        "SITE_URL": f"https://{HOST}:{ports['https_port']}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": database_url or f"sqlite:///{tmp}/var/db.sqlite3",
        "REDIS_URL": redis_url,
        "PETR_VAR_DIR": str(tmp / "var"),
        "TRUSTED_PROXY_COUNT": "1",
        "PAGE_CACHE_PROXY_SECONDS": "2",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(free_port()),  # nothing listens: e-mails wait in the queue
    }
    redis.Redis.from_url(redis_url).flushdb()
    stack = Stack(tmp, env, ca=local_ca(tmp), **ports)
    output = subprocess.DEVNULL if quiet else None
    stack.manage("migrate", "--no-input", stdout=output)
    starter = os.environ.get("STARTER_PACK", "generique")  # make bench: the first site's
    stack.manage("seed_site", "--starter", starter, stdout=output)
    stack.manage("collectstatic", "--no-input", stdout=output)
    (tmp / "petr.conf").write_text(site_file(tmp, **ports))
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp))
    (tmp / "extra").mkdir()
    with ExitStack() as processes:
        app = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "petr.wsgi:application",
             "--workers", str(workers), "--bind", f"127.0.0.1:{ports['app_port']}",
             "--error-logfile", str(tmp / "gunicorn.log")],
            cwd=ROOT, env=env,
        )  # fmt: skip
        processes.callback(stop, app)
        nginx = subprocess.Popen(["nginx", "-c", str(tmp / "nginx.conf"), "-p", str(tmp)])
        processes.callback(stop, nginx)
        wait_until(lambda: healthy(stack.app_port))
        yield stack
    shutil.rmtree(tmp, ignore_errors=True)


def reload_nginx(stack):
    run("nginx", "-c", stack.tmp / "nginx.conf", "-p", stack.tmp, "-s", "reload")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


if __name__ == "__main__":
    # Serve the stack until interrupted (Ctrl-C or kill), to look at it by hand.
    signal.signal(signal.SIGTERM, lambda *args: sys.exit(0))
    with running_stack(sys.argv[1], sys.argv[2], quiet=False) as stack:
        print(f"{stack.site_url}/ (CA : {stack.ca}) — Ctrl-C pour arrêter")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
