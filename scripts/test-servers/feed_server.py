#!/usr/bin/env python3
"""A local HTTP server for Newsbus feed-polling tests.

Serves the files of a folder on 127.0.0.1 with ETag and Last-Modified, answers conditional
requests with 304, and logs every request as one JSON line on stdout, so a test can see what the
poller sent. Prints "listening <port>" first. Runs until SIGTERM.

    feed_server.py <folder> [--port 0]
"""
import hashlib
import json
import os
import signal
import sys
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    folder = "."

    def log_message(self, *args):  # quiet: requests are reported as JSON lines instead
        pass

    def do_GET(self):
        name = self.path.lstrip("/").split("?")[0]
        path = os.path.join(self.folder, name)
        if not name or ".." in name or not os.path.isfile(path):
            self.send_response(404)
            self.end_headers()
            self.report(404)
            return
        with open(path, "rb") as f:
            body = f.read()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        modified = formatdate(int(os.path.getmtime(path)), usegmt=True)
        if self.headers.get("If-None-Match") == etag or (
            self.headers.get("If-None-Match") is None and self.headers.get("If-Modified-Since") == modified
        ):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            self.report(304)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.end_headers()
        self.wfile.write(body)
        self.report(200)

    def report(self, status):
        line = {
            "path": self.path,
            "status": status,
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
        }
        sys.stdout.write(json.dumps(line) + "\n")
        sys.stdout.flush()


def main():
    # A parent (a test runner) may have started us with SIGTERM blocked; unblock it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    folder = sys.argv[1]
    port = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--port" else 0
    Handler.folder = folder
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    sys.stdout.write("listening %d\n" % server.server_address[1])
    sys.stdout.flush()
    server.serve_forever()  # until SIGTERM


if __name__ == "__main__":
    main()
