"""`make bench`: the production configuration measured with wrk, in one run, next to its ceiling.

Starts the deployment recipe (deploy/local_stack.py: nginx with TLS in front of gunicorn, 2 sync
workers, production settings, PostgreSQL and Redis), a second gunicorn with the page cache off,
and, in the same nginx, each address's ceiling: its cached answer served as a static file, the
very bytes the page cache sends through nginx (the same gzip body, the same headers, the same
TLS), so no line can beat its ceiling by sending less. Then, for each address, wrk (2 threads,
8 connections) on the ceiling, then uncached and cached, direct to gunicorn and through nginx.
Prints a table of req/s, p50, p99 and the share of the address's ceiling.

Needs nginx and wrk (Debian: nginx-light, wrk) and Redis (BENCH_REDIS_URL, flushed). The
database: BENCH_DATABASE_URL (an empty PostgreSQL database), or SQLite in the run's directory when
it is `sqlite`. BENCH_SECONDS per measurement (default 10)."""

import gzip
import os
import re
import socket
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
from local_stack import (  # noqa: E402
    HOST,
    ROOT,
    free_port,
    healthy,
    reload_nginx,
    running_stack,
    stop,
    wait_until,
)

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "sqlite")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PATHS = ["/", "/territoire/", "/actualites/", "/territoire/saint-mihiel/", "/donnees/communes.csv"]
STATIC_SERVER = """
server {{
    listen 127.0.0.1:{static_port} ssl;
    ssl_certificate {tmp}/site.pem;
    ssl_certificate_key {tmp}/site.key;
    root {tmp}/ceiling;
    gzip_static on;  # <n>.gz: the bytes the page cache stores and sends
    charset utf-8;
{locations}
}}
server {{
    listen 127.0.0.1:{uncached_proxy_port} ssl;
    ssl_certificate {tmp}/site.pem;
    ssl_certificate_key {tmp}/site.key;
    location / {{
        proxy_pass http://127.0.0.1:{uncached_port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
    }}
}}
"""


def wrk(url, host):
    output = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--latency", "-H", f"Host: {host}",
         "-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50, p99 = (re.search(rf"\s{q}%\s+([\d.]+\w+)", output).group(1) for q in ("50", "99"))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, p99, int(errors.group(1)) if errors else 0


CEILING = """
    location = /{number} {{
        default_type {content_type};
{headers}
    }}"""
# Headers nginx writes itself for a static file, or which describe the body it serves.
OWN_HEADERS = {"date", "server", "connection", "content-length", "content-encoding",
               "content-type", "last-modified", "etag", "accept-ranges", "transfer-encoding",
               "vary", "keep-alive"}  # fmt: skip


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def write_ceilings(stack):
    """Each address as the page cache answers it through nginx, written as a static file (and
    its precompressed copy) at /<number> with its headers repeated: the `location` blocks."""
    client, locations = stack.client(), []
    for number, path in enumerate(PATHS):
        for _ in range(2):  # the second answer comes from the page cache
            answer = client.request(
                "GET", path, headers={"Accept-Encoding": "gzip"}, decode_content=False
            )
        assert answer.status == 200, (path, answer.status)
        body = answer.data
        if answer.headers.get("Content-Encoding") == "gzip":
            (stack.tmp / "ceiling" / f"{number}.gz").write_bytes(body)
            body = gzip.decompress(body)
        (stack.tmp / "ceiling" / str(number)).write_bytes(body)
        headers = "\n".join(
            f"        add_header {name} '{value}' always;"
            for name, value in answer.headers.items()
            if name.lower() not in OWN_HEADERS and "'" not in value
        )
        content_type = answer.headers["Content-Type"].split(";")[0]
        locations.append(CEILING.format(number=number, content_type=content_type, headers=headers))
    return "".join(locations)


def main():
    ports = {"static_port": free_port(), "uncached_proxy_port": free_port()}
    ports["uncached_port"] = free_port()
    with ExitStack() as stack_:
        database = None if DATABASE_URL == "sqlite" else DATABASE_URL
        stack = stack_.enter_context(running_stack(database, REDIS_URL))
        env = {**stack.env, "PAGE_CACHE_SECONDS": "0", "PAGE_CACHE_PROXY_SECONDS": "0"}
        uncached = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "petr.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{ports['uncached_port']}"],
            cwd=ROOT, env=env, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        stack_.callback(stop, uncached)
        wait_until(lambda: healthy(ports["uncached_port"]))
        (stack.tmp / "ceiling").mkdir()
        locations = write_ceilings(stack)
        (stack.tmp / "extra" / "bench.conf").write_text(
            STATIC_SERVER.format(tmp=stack.tmp, locations=locations, **ports)
        )
        reload_nginx(stack)  # a signal: its new servers listen a moment later
        wait_until(lambda: listening(ports["static_port"]), failure="nginx n'a pas rechargé.")
        public = f"{HOST}:{stack.https_port}"
        rows, ceilings = [], {}
        for number, path in enumerate(PATHS):
            ceiling = wrk(f"https://127.0.0.1:{ports['static_port']}/{number}", public)
            ceilings[path] = ceiling[0]
            rows.append((path, "plafond : sa réponse en fichier statique", *ceiling))
            for mode, url in (
                ("direct, sans cache", f"http://127.0.0.1:{ports['uncached_port']}{path}"),
                ("direct, cache", f"http://127.0.0.1:{stack.app_port}{path}"),
                ("nginx, sans cache", f"https://127.0.0.1:{ports['uncached_proxy_port']}{path}"),
                ("nginx, cache", f"https://127.0.0.1:{stack.https_port}{path}"),
            ):
                rows.append((path, mode, *wrk(url, public)))
    engine = "SQLite" if DATABASE_URL == "sqlite" else "PostgreSQL"
    print(f"\nwrk -t2 -c8 -d{SECONDS}s, 2 workers gunicorn synchrones, {engine} + Redis\n")
    print("| adresse | service | req/s | p50 | p99 | plafond | erreurs |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for path, mode, rate, p50, p99, errors in rows:
        share = f"{100 * rate / ceilings[path]:.1f} %"
        print(f"| `{path}` | {mode} | {rate:,.0f} | {p50} | {p99} | {share} | {errors} |")


if __name__ == "__main__":
    main()
