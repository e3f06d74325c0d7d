"""quotes: serves a quote of the day on port 8080.

It needs an API key for its (imaginary) quote provider in QUOTES_API_KEY, and refuses to
start without a valid one, as a well-behaved service should: failing at start-up is better
than serving errors later.
"""

import hashlib
import http.server
import os
import sys

key = os.environ.get("QUOTES_API_KEY", "")
if not key:
    print("quotes: QUOTES_API_KEY is not set, cannot start", file=sys.stderr)
    sys.exit(78)
with open("key.sha256") as f:
    if hashlib.sha256(key.encode()).hexdigest() != f.read().strip():
        print("quotes: QUOTES_API_KEY was refused by the provider", file=sys.stderr)
        sys.exit(78)

QUOTE = "quote of the day: a container lives exactly as long as its main process\n"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = QUOTE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


print("quotes: serving on port 8080")
http.server.ThreadingHTTPServer(("", 8080), Handler).serve_forever()
