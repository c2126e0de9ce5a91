"""Drawing: text measurement, map layout (all geometry) and SVG from a layout."""
