"""Draws a frame around text, one line or several."""


def box(text: str, pad: int = 1) -> str:
    lines = text.splitlines() or [""]
    width = max(len(line) for line in lines) + 2 * pad
    top = "+" + "-" * width + "+"
    body = ["|" + " " * pad + line.ljust(width - 2 * pad) + " " * pad + "|" for line in lines]
    return "\n".join([top, *body, top])
