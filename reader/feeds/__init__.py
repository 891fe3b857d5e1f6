"""Following news sources: parse feeds (RSS 0.9x/1.0/2.0, Atom), OPML import and export, finding a
page's feed, and refreshing every feed concurrently into the store.

Plain Python (no Textual), shared by the app and the CLI.  All network access goes through
``reader.feeds.http.get``.
"""
