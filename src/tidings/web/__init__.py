"""The dashboard: static HTML, CSS and JavaScript in ``static/``, served by ``tidings.api.app``.

Nothing loads from a CDN. The world map is Natural Earth 1:110m (public domain) from the npm
package world-atlas 2.0.2, turned into SVG paths by ``scripts/build_world_map.py``.
"""
