"""A plain HTML page that opens from disk: no scripts, no external files, styles inline."""

from __future__ import annotations

from html import escape

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #ddd; }
th { background: #f2f2f2; }
.note { color: #555; }
.reason { display: inline-block; background: #fde8d7; border-radius: .3rem; padding: 0 .35rem;
          margin: 0 .2rem .2rem 0; }
.answer { white-space: pre-wrap; color: #444; font-size: .9rem; }
.bar { display: flex; height: 1.4rem; width: 100%; border-radius: .3rem; overflow: hidden; background: #eee; }
.covered { background: #3a8d3a; } .weak { background: #e8a33d; } .missing { background: #d64545; }
.barrow { display: grid; grid-template-columns: 11rem 1fr 12rem; gap: .8rem; align-items: center; margin: .35rem 0; }
.bad { color: #b00020; font-weight: 600; }
"""


def page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def table(headers: list[str], rows: list[list[str]], raw: bool = False) -> str:
    """rows are escaped unless raw (then each cell is already HTML)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    cells = "".join(
        "<tr>" + "".join(f"<td>{c if raw else escape(str(c))}</td>" for c in row) + "</tr>\n" for row in rows
    )
    return f"<table>\n<tr>{head}</tr>\n{cells}</table>"
