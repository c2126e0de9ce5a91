"""More bad inputs beyond tests/fixtures/errors: (name, file, content, code, line:column)."""

from __future__ import annotations

FM = "---\ntitle: A journey\npersona: tester\nreviewed: 2026-09-01\n---\n"
BODY = "\n## Stage\n### Step\n- channel: Web\n- feeling: 1 fine\n"
J = "content/journeys/bad.md"
P = "content/personas/bad.md"
C = "mkdocs.yml"
CONFIG = "docs_dir: content\nplugins:\n  - journeys:\n      language: en\n"

CASES: list[tuple[str, str, bytes, str, str]] = [
    # encodings
    ("utf16", J, "\ufeff---\ntitle: x\n---\n".encode("utf-16"), "E101", "1:1"),
    ("latin1-title", J, (FM.replace("A journey", "Caf") + BODY).encode().replace(b"Caf", b"Caf\xe9"), "E101", "2:11"),
    ("cp1252-quote", J, (FM + BODY).encode().replace(b"Web", b"\x93Web\x94"), "E101", "9:12"),
    ("truncated-utf8", J, (FM + BODY).encode() + b"\xe2\x82", "E101", "11:1"),
    # YAML
    ("yaml-tab", J, (FM.replace("persona: tester", "persona: tester\n\towner: x") + BODY).encode(), "E203", "4:1"),
    ("yaml-open-flow", J, (FM.replace("reviewed", "extra: {a: 1\nreviewed") + BODY).encode(), "E203", "4:8"),
    ("yaml-anchor", J, (FM.replace("persona: tester", "persona: &p tester") + BODY).encode(), "E204", "3:10"),
    ("yaml-set-tag", J, (FM.replace("reviewed", "tags: !!set {a}\nreviewed") + BODY).encode(), "E205", "4:7"),
    ("yaml-duplicate", J, (FM.replace("reviewed", "title: Again\nreviewed") + BODY).encode(), "E206", "4:1"),
    ("yaml-scalar", J, ("---\njust some text\n---\n" + BODY).encode(), "E208", "2:1"),
    ("date-short", J, (FM.replace("2026-09-01", "2026-9-1") + BODY).encode(), "E212", "4:11"),
    ("date-word", J, (FM.replace("2026-09-01", "yesterday") + BODY).encode(), "E212", "4:11"),
    ("tags-mapping", J, (FM.replace("reviewed", "tags: {a: 1}\nreviewed") + BODY).encode(), "E211", "4:7"),
    ("title-list", J, (FM.replace("title: A journey", "title: [a, b]") + BODY).encode(), "E211", "2:8"),
    ("state-unknown", J, (FM.replace("reviewed", "state: maybe\nreviewed") + BODY).encode(), "E213", "4:8"),
    ("extra-list", J, (FM.replace("reviewed", "extra: [1, 2]\nreviewed") + BODY).encode(), "E211", "4:8"),
    # structure
    ("h1-later", J, (FM + BODY + "\n# Another title\n").encode(), "E306", "12:1"),
    ("lane-two-paragraphs", J, (FM + BODY + "- pain: x\n\n  more text\n").encode(), "E310", "13:3"),
    ("lane-no-key", J, (FM + BODY + "- : value\n").encode(), "E304", "11:3"),
    ("lane-digit-key", J, (FM + BODY + "- 123: value\n").encode(), "E304", "11:3"),
    ("duplicate-stage", J, (FM + BODY + "\n## Stage\n### Other\n- feeling: 1\n").encode(), "E303", "12:1"),
    ("too-many-steps", J, (FM + "\n## S\n" + "### Step\n- feeling: 1\n" * 2001).encode(), "E312", "4008:1"),
    ("goal-under-step", J, (FM + BODY + "- doel: iets\n").encode(), "E309", "11:3"),
    # values
    ("feeling-inf", J, (FM + BODY.replace("1 fine", "inf")).encode(), "E401", "10:12"),
    ("feeling-plus-three", J, (FM + BODY.replace("1 fine", "+3")).encode(), "E402", "10:12"),
    ("feeling-exponent", J, (FM + BODY.replace("1 fine", "1e1")).encode(), "E401", "10:12"),
    ("truth-sometimes", J, (FM + BODY + "- moment-of-truth: sometimes\n").encode(), "E404", "11:20"),
    ("type-typo", J, (FM + BODY + "- type: kritical\n").encode(), "E403", "11:3"),
    ("persona-typo", J, (FM.replace("persona: tester", "persona: testers") + BODY).encode(), "E501", "3:10"),
    # paths
    ("photo-escape", P, b"---\nname: N\nphoto: ../../../etc/passwd\n---\n", "E502", "3:8"),
    ("photo-folder", P, b"---\nname: N\nphoto: .\n---\n", "E503", "3:8"),
    ("persona-no-name", P, b"---\nrole: nobody\n---\n", "E210", "1:1"),
    # configuration
    ("scale-one-number", C, (CONFIG + "      emotion_scale: [-2]\n").encode(), "E601", "5:22"),
    ("lanes-unknown", C, (CONFIG + "      lanes: [steps, nonsense]\n").encode(), "E601", "5:14"),
    ("curve-wavy", C, (CONFIG + "      curve: wavy\n").encode(), "E601", "5:14"),
    ("downloads-docx", C, (CONFIG + "      downloads: [svg, docx]\n").encode(), "E601", "5:18"),
    ("period-fraction", C, (CONFIG + "      review_period: 1.5\n").encode(), "E601", "5:22"),
    ("option-unknown", C, (CONFIG + "      colour: red\n").encode(), "E602", "5:7"),
]
