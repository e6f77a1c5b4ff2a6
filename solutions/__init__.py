"""The worked solutions' numbers, one module per model (reader edition and tests only).

This folder is its own distribution (``solutions/pyproject.toml``): the root
``requirements.txt`` installs it for building the reader edition and for the tests, while
``binder/requirements.txt`` (what students get) does not, and the student edition never
imports it.  A test proves that the Binder environment cannot import it.
"""
