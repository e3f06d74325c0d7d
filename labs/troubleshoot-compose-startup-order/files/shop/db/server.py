"""The shop's inventory database: a small key-value server on port 7000.

Its data is encrypted at rest, so at every start it first derives its storage key from the
passphrase (PBKDF2, a few million rounds: deliberately slow, as key derivation must be) and
only then opens its port. Until then, connections to port 7000 are refused.
"""

import hashlib
import os
import socketserver

print("db: deriving the storage key…")
hashlib.pbkdf2_hmac("sha256", os.environ.get("DB_PASSPHRASE", "shop").encode(), b"shop-inventory", 3_000_000)
PRODUCTS = 42


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            cmd = line.strip().upper()
            reply = {b"PING": "PONG", b"COUNT": str(PRODUCTS)}.get(cmd, "ERR unknown command")
            self.wfile.write(f"{reply}\n".encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


print("db: ready, listening on port 7000")
Server(("", 7000), Handler).serve_forever()
