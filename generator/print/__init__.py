"""Print: PDFs and PNGs through typst, maps and the workshop kit."""
