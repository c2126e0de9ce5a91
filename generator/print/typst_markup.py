"""Writing text safely into typst source: string literals for user text, and Markdown
(the facilitation guide, checklists) converted to typst markup."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

__all__ = ["markdown_to_typst", "tstr"]


def tstr(text: str) -> str:
    """``text`` as a typst string literal, shown verbatim (no markup, no code)."""
    if not text.isprintable():  # printable text (most text) holds no control character
        text = "".join(ch for ch in text if ch >= " " or ch == "\n")
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _text(text: str) -> str:
    return f"#{tstr(text)}" if text else ""


def _inline(node: SyntaxTreeNode) -> str:
    out = []
    for child in node.children:
        if child.type == "text":
            out.append(_text(child.content))
        elif child.type == "code_inline":
            out.append(f"#raw({tstr(child.content)})")
        elif child.type == "strong":
            out.append(f"#strong[{_inline(child)}]")
        elif child.type == "em":
            out.append(f"#emph[{_inline(child)}]")
        elif child.type == "link":
            href = str(child.attrs.get("href", ""))
            out.append(f"#link({tstr(href)})[{_inline(child)}]")
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        else:
            out.append(_inline(child) if child.children else _text(child.content))
    return "".join(out)


def _block(node: SyntaxTreeNode, depth: int = 0) -> list[str]:
    kind = node.type
    if kind == "heading":
        level = int(node.tag[1])
        return [f"{'=' * level} {_inline(node.children[0])}", ""]
    if kind == "paragraph":
        return [_inline(node.children[0]), ""]
    if kind in ("bullet_list", "ordered_list"):
        marker = "-" if kind == "bullet_list" else "+"
        lines = []
        for item in node.children:
            parts = [line for child in item.children for line in _block(child, depth + 1) if line]
            first, rest = (parts[0], parts[1:]) if parts else ("", [])
            lines.append(f"{'  ' * depth}{marker} {first}")
            lines.extend(f"{'  ' * (depth + 1)}{line}" for line in rest)
        return [*lines, ""]
    if kind == "table":
        rows = [row for section in node.children for row in section.children]
        width = len(rows[0].children) if rows else 1
        cells = []
        for index, row in enumerate(rows):
            texts = [_inline(cell.children[0]) if cell.children else "" for cell in row.children]
            if index == 0:  # the header row repeats on every page the table runs onto
                cells.append("table.header(" + ", ".join(f"[#strong[{body}]]" for body in texts) + ")")
            else:
                cells.extend(f"[{body}]" for body in texts)
        return [f"#table(columns: {width}, inset: 5pt, stroke: 0.5pt + luma(120), {', '.join(cells)})", ""]
    if kind in ("fence", "code_block"):
        return [f"#raw(block: true, {tstr(node.content)})", ""]
    if kind == "blockquote":
        inner = [line for child in node.children for line in _block(child, depth)]
        return [f"#quote(block: true)[{' '.join(line for line in inner if line)}]", ""]
    if kind == "hr":
        return ["#line(length: 100%)", ""]
    return [line for child in node.children for line in _block(child, depth)]


def markdown_to_typst(markdown: str) -> str:
    """Markdown (headings, paragraphs, lists, tables, emphasis, links, code) as typst."""
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table"])
    tree = SyntaxTreeNode(parser.parse(markdown))
    return "\n".join(line for child in tree.children for line in _block(child))
