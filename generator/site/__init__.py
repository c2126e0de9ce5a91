"""The internal CX site: page builders (no MkDocs imports) and the thin MkDocs plugin."""
