"""Renders the status site from services.txt into static HTML (the build step of the image).

Usage: python build.py OUTPUT_FOLDER
"""

import html
import sys
from pathlib import Path

COLOURS = {"up": "#2e7d32", "degraded": "#f9a825", "down": "#c62828"}


def rows(text: str) -> list[tuple[str, str, str]]:
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, state, note = (line.split(maxsplit=2) + ["", ""])[:3]
        out.append((name, state, note))
    return out


def page(title: str, body: str) -> str:
    return (
        f"<!doctype html>\n<html>\n<head><meta charset='utf-8'><title>{title}</title></head>\n"
        f"<body style='font-family: sans-serif'>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n"
    )


def main() -> None:
    out = Path(sys.argv[1])
    services = rows(Path(__file__).with_name("services.txt").read_text())
    table = "\n".join(
        f"<tr><td>{html.escape(n)}</td><td style='color:{COLOURS.get(s, '#555')}'>{html.escape(s)}</td>"
        f"<td>{html.escape(note)}</td></tr>"
        for n, s, note in services
    )
    (out / "admin").mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(page("Service status", f"<table>\n{table}\n</table>"))
    (out / "admin" / "index.html").write_text(
        page("Status admin", f"<p>{len(services)} services on the board. Edit services.txt and rebuild.</p>")
    )
    print(f"build.py: wrote {len(services)} services to {out}")


if __name__ == "__main__":
    main()
