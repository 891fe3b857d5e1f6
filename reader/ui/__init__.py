"""The Textual user interface. Only this package imports Textual; it renders what the core found."""
