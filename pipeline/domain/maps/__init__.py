"""Boundaries for choropleth maps: a small TopoJSON encoder and decoder (``topojson``), and the
build-time script that makes ``data/reference/boundaries_2025.topojson`` (``build_boundaries``,
which needs the dev dependency shapely; the pipeline reads only the committed file)."""
