"""Serve a built site the way static hosts do: gzip for text, and count the bytes sent.

The browser tests and ``make bench`` load pages through this server, so transfer sizes are the
compressed sizes a reader downloads (GitHub Pages, Netlify and Read the Docs all gzip text), and
every byte a page pulls in is counted, whether its HTML names it or a script fetches it later.

Examples
--------
>>> import tempfile, urllib.request
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "index.html").write_text("<p>" + "hello " * 1000 + "</p>")
>>> with StaticSite(folder) as site:
...     request = urllib.request.Request(site.url + "/", headers={"Accept-Encoding": "gzip"})
...     body = urllib.request.urlopen(request).read()
...     site.bytes_sent["/index.html"] == len(body) < 200
True
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import threading
import urllib.parse
from functools import lru_cache
from pathlib import Path

#: Content types a static host compresses (images and fonts are compressed already).
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "text/javascript",
)

#: How long the browser may reuse a file, as GitHub Pages sends it (seconds).
CACHE_SECONDS = 600


@lru_cache(maxsize=2048)
def _gzip(path: Path, mtime_ns: int) -> bytes:
    # mtime=0: the same file always compresses to the same bytes, so sizes are deterministic.
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def content_type(path: Path) -> str:
    """The Content-Type a static host sends for ``path`` (UTF-8 for text)."""
    guessed = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix in (".js", ".mjs"):
        guessed = "text/javascript"
    return guessed + ("; charset=utf-8" if guessed.startswith("text/") else "")


def transfer_size(path: Path) -> int:
    """Bytes sent for ``path`` to a browser that accepts gzip (the body, headers not counted)."""
    if content_type(path).startswith(COMPRESSED_TYPES):
        return len(_gzip(path, path.stat().st_mtime_ns))
    return path.stat().st_size


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that does not print a traceback when a browser drops a connection it opened."""

    def handle_error(self, request, client_address):
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class StaticSite:
    """A static-host-like server for ``folder`` on a free local port.

    Parameters
    ----------
    folder : pathlib.Path
        The built site (``_build/html``).

    Attributes
    ----------
    url : str
        ``http://127.0.0.1:<port>``, set on entering the ``with`` block.
    bytes_sent : dict[str, int]
        Body bytes sent per URL path since the last :meth:`reset` (a path requested twice counts
        twice, as a browser without a cache would download it twice).
    requests : list[str]
        URL paths requested since the last :meth:`reset`, in order.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.bytes_sent: dict[str, int] = {}
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._server: http.server.ThreadingHTTPServer | None = None
        self.url = ""

    def reset(self) -> None:
        """Forget what was sent so far (call before loading the next page)."""
        with self._lock:
            self.bytes_sent = {}
            self.requests = []

    def _record(self, path: str, size: int) -> None:
        with self._lock:
            self.bytes_sent[path] = self.bytes_sent.get(path, 0) + size
            self.requests.append(path)

    def _handler(self):
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _resolve(self) -> tuple[str, Path | None]:
                url_path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                candidate = (site.folder / url_path.lstrip("/")).resolve()
                if candidate.is_dir():
                    candidate = candidate / "index.html"
                    url_path = url_path.rstrip("/") + "/index.html"
                inside = (
                    candidate == site.folder.resolve()
                    or site.folder.resolve() in candidate.parents
                )
                return url_path, candidate if inside and candidate.is_file() else None

            def _respond(self, with_body: bool) -> None:
                url_path, file = self._resolve()
                if file is None:
                    body = b"Not found"
                    self.send_response(404)
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if with_body:
                        self.wfile.write(body)
                    return
                kind = content_type(file)
                compress = kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get(
                    "Accept-Encoding", ""
                )
                body = _gzip(file, file.stat().st_mtime_ns) if compress else file.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", f"max-age={CACHE_SECONDS}")
                self.send_header("Vary", "Accept-Encoding")
                if compress:
                    self.send_header("Content-Encoding", "gzip")
                self.end_headers()
                if with_body:
                    site._record(url_path, len(body))  # before sending: the client may read first
                    self.wfile.write(body)

            def do_GET(self):  # noqa: N802 (http.server's naming)
                self._respond(with_body=True)

            def do_HEAD(self):  # noqa: N802
                self._respond(with_body=False)

        return Handler

    def __enter__(self) -> StaticSite:
        if not (self.folder / "index.html").exists():
            raise FileNotFoundError(f"{self.folder} has no built site: run `make book` first")
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        return self

    def __exit__(self, *exc) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
