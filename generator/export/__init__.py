"""Exchange: CSV, JSON and Mermaid, out and back in."""
