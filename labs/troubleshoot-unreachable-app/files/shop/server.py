#!/usr/bin/env python3
"""shop: the product API of Harbour Supply Co. One page and one JSON list, nothing more."""
import configparser
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PRODUCTS = [
    {"sku": "HS-101", "name": "Brass deck cleat", "stock": 14},
    {"sku": "HS-204", "name": "Tarred marline, 50 m", "stock": 31},
    {"sku": "HS-317", "name": "Storm lantern", "stock": 6},
]


def listen_address(path="/app/settings.ini"):
    settings = configparser.ConfigParser()
    settings.read(path)
    host, _, port = settings.get("server", "listen").rpartition(":")
    return host, int(port)


class Shop(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/products":
            body, kind = json.dumps(PRODUCTS) + "\n", "application/json"
        else:
            lines = [f"  {p['sku']}  {p['name']} ({p['stock']} in stock)" for p in PRODUCTS]
            body, kind = "Harbour Supply Co.\n" + "\n".join(lines) + "\n", "text/plain"
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        print("shop: " + fmt % args, flush=True)


if __name__ == "__main__":
    host, port = listen_address()
    server = ThreadingHTTPServer((host, port), Shop)
    print(f"shop: listening on {host}:{port}", flush=True)
    server.serve_forever()
