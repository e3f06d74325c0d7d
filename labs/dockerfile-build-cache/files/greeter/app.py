"""greeter: a tiny web service that answers every request with a greeting in a box."""

import argparse
import os
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import boxed

# Written at build time (see the lab's last step); "dev" when the image did not set it.
VERSION_FILE = Path(__file__).with_name("VERSION")


def greeting() -> str:
    version = VERSION_FILE.read_text().strip() if VERSION_FILE.exists() else "dev"
    return boxed.box(f"{os.environ.get('GREETING', 'Hello')} from greeter {version}")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (greeting() + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt: str, *args: object) -> None:
        print(f"greeter: {self.address_string()} {fmt % args}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="Greets over HTTP, in a box.")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    args = parser.parse_args()
    print(f"greeter: listening on port {args.port}", flush=True)
    HTTPServer(("", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
