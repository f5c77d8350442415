"""`make run` as a newcomer runs it, on SQLite from an empty PETR_VAR_DIR: it must migrate, seed
and serve the home page with its true figures, and the territory page, within two minutes."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

HOST = os.environ.get("HOST", "127.0.0.1:8765")
DEADLINE = time.monotonic() + 120


def fetch(path):
    with urllib.request.urlopen(f"http://{HOST}{path}", timeout=10) as response:  # noqa: S310
        return response.status, response.read().decode()


def wait_for_home():
    while time.monotonic() < DEADLINE:
        try:
            return fetch("/")
        except OSError:
            time.sleep(0.2)  # polling a server that is starting, not waiting for a result
    raise SystemExit("make run : le site ne répond pas après deux minutes.")


def main():
    server = subprocess.Popen(["make", "run"], start_new_session=True)  # noqa: S607
    try:
        status, html = wait_for_home()
        assert status == 200 and '<data value="123">123</data>' in html, "accueil incorrect"
        status, html = fetch("/territoire/")
        assert status == 200 and "Saint-Mihiel" in html, "page du territoire incorrecte"
        print(f"make run : accueil et territoire servis sur http://{HOST}/")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
