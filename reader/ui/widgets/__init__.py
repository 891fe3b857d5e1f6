"""The reading screen's widgets: the article pane, the sidebar views, header and status line."""
