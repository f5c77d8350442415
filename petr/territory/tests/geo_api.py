"""A real HTTP server on 127.0.0.1 that answers like geo.api.gouv.fr, from the shipped snapshot
or another perimeter's fixture (fixtures/perimeter-drome.json), with per-path faults (status,
body, headers, delay) that a test sets before importing."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from petr.territory.sources import SNAPSHOT_PATH


class GeoApiServer:
    def __init__(self, responses=None):
        """`responses`: the answers by path; the shipped snapshot's by default."""
        self.responses = responses or json.loads(SNAPSHOT_PATH.read_text(encoding="utf-8"))
        self.faults = {}  # path -> list of (status, body, headers, delay), consumed in order
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, self.headers.get("User-Agent")))
                status, body, headers, delay = server.answer(self.path)
                time.sleep(delay)
                try:
                    self.send_response(status)
                    for name, value in {"Content-Type": "application/json", **headers}.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def answer(self, path):
        queue = self.faults.get(path)
        if queue:
            return queue.pop(0) if len(queue) > 1 else queue[0]
        if path not in self.responses:
            return 404, b'{"code": 404, "message": "Not found"}', {}, 0
        return 200, json.dumps(self.responses[path]).encode(), {}, 0

    def fail(self, path, status=500, body=b"{}", headers=None, delay=0, times=None):
        """Make `path` answer this way: always, or `times` times before answering normally."""
        fault = (status, body, headers or {}, delay)
        if times is None:
            self.faults[path] = [fault]
        else:
            normal = (200, json.dumps(self.responses[path]).encode(), {}, 0)
            self.faults[path] = [fault] * times + [normal]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
