"""The shop's api, on port 8000. It asks the database for its product count.

At start-up it checks that the database answers, and stops if it does not: better to fail
loudly than to serve errors.
"""

import http.server
import socket
import sys

DB = ("db", 7000)


def ask(cmd):
    with socket.create_connection(DB, timeout=2) as s:
        s.sendall(f"{cmd}\n".encode())
        return s.makefile().readline().strip()


try:
    ask("PING")
except OSError as e:
    print(f"api: cannot reach the database at db:7000 ({e}), stopping", file=sys.stderr)
    sys.exit(1)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = f"api: ready, {ask('COUNT')} products in stock\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print("api: connected to the database, serving on port 8000")
http.server.ThreadingHTTPServer(("", 8000), Handler).serve_forever()
