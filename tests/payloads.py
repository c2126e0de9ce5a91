"""Injection traps for the browser tests and the Reliability page's figures."""

from __future__ import annotations

# Each payload sets window.pwned if it ever runs, whatever field it lands in.
TRAPS = [
    "<script>window.pwned=1</script>",
    '"><svg onload=window.pwned=1>',
    "'><img src=x onerror=window.pwned=1>",
    "</text><script>window.pwned=1</script><text>",
    "<![CDATA[</title><script>window.pwned=1</script>]]>",
    "[click](javascript:window.pwned=1)",
    "<a href='javascript:window.pwned=1'>x</a>",
    "{{ window.pwned=1 }} {% raw %} ${window.pwned=1}",
    "&lt;script&gt;window.pwned=1&lt;/script&gt;",
    "\u202e<iframe srcdoc='<script>parent.pwned=1</script>'>",
    "<style>@import 'javascript:window.pwned=1'</style>",
]
FIELDS = 14  # title, owner, expectations, tag, scenario, stage, goal, step, notes, 5 lanes


def payload_journey(trap: str) -> str:
    quoted = trap.replace("'", "''")
    lanes = "".join(f"- {key}: {trap}\n" for key in ("channel", "doing", "thinking", "pain", "opportunity"))
    return (
        f"---\ntitle: '{quoted}'\npersona: tester\nowner: '{quoted}'\nexpectations: '{quoted}'\n"
        f"tags: ['{quoted}']\nreviewed: 2026-09-01\n---\n\n{trap}\n\n## {trap}\n- goal: {trap}\n\n"
        f"### {trap}\n{trap}\n\n{lanes}- feeling: 1\n"
    )
