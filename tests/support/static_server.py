"""``python static_server.py PORT FOLDER``: the built site on 127.0.0.1 as a static host serves it,
with ``Cache-Control: max-age=600`` on every file found (GitHub Pages' header), so a browser going
from page to page reuses the stylesheets, scripts and search index it already has, as a reader's
does. ``python -m http.server`` sends none, and Chromium then fetches every file again for every
page."""

import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer


class Handler(SimpleHTTPRequestHandler):
    def send_response(self, code, message=None):
        super().send_response(code, message)
        if code == 200:  # an error is not kept: a file added later is then found
            self.send_header("Cache-Control", "max-age=600")

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    port, folder = int(sys.argv[1]), sys.argv[2]
    ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, directory=folder)).serve_forever()
