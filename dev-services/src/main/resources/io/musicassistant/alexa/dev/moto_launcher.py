# Runs Moto's server (Apache-2.0) for exactly one parent process: MotoServer.java starts it with this
# file as `python3 -c`, reads one line from its stdout, and holds its stdin open. When the parent goes
# away, even by SIGKILL, stdin reaches end-of-file and this process exits, so no server is left behind.
# Exit 3 means this interpreter has no Moto; the parent then tries the next interpreter.
import importlib.metadata
import json
import logging
import os
import socket
import sys
import threading
import time
import urllib.request

try:
    import moto
    import moto.backends as moto_backends
    import werkzeug.serving as serving
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
except ImportError as missing:
    print("MOTO_MISSING " + str(missing).replace("\n", " "), flush=True)
    sys.exit(3)

# Werkzeug logs every request to stderr; nothing there is needed, and the parent discards it anyway.
logging.getLogger("werkzeug").setLevel(logging.ERROR)

# Moto lists its own package directory (dozens of stat calls) on every request to find the service;
# the directory does not change while the server runs, so list it once. About a fifth of a DynamoDB
# call's time in Moto 5.2.1, measured with cProfile.
_modules = tuple(moto_backends.list_of_moto_modules())
moto_backends.list_of_moto_modules = lambda: _modules


# Werkzeug's development server closes every connection, so each AWS call paid a new TCP connection
# and a new thread, and after each response it waits 10 ms draining the socket. The relay polls its
# reply table every few milliseconds; with HTTP/1.1 keep-alive a GetItem takes about a third as long
# (docs/decisions.md, "Local AWS emulation"). A connection is kept only after a request whose framing
# is certain: a Content-Length body, consumed to its end (what the application left unread is read
# and dropped), and an answer the application completed. A chunked request, an application error,
# and the errors http.server answers itself (a malformed request line, oversized headers) close the
# connection as before. The patch is written against werkzeug 3; any other version runs unpatched.
_WERKZEUG_VERSION = importlib.metadata.version("werkzeug")
_WERKZEUG_3 = _WERKZEUG_VERSION.split(".")[0] == "3"


class _NoDrain:
    def register(self, *args):
        pass

    def select(self, timeout=None):
        return []

    def close(self):
        pass


class _CountingReader:
    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def _counted(self, data):
        self.count += len(data)
        return data

    def read(self, n=-1):
        return self._counted(self.raw.read(n))

    def read1(self, n=-1):
        return self._counted(self.raw.read1(n))

    def readline(self, *limit):
        return self._counted(self.raw.readline(*limit))

    def readlines(self, *hint):
        lines = self.raw.readlines(*hint)
        self.count += sum(len(line) for line in lines)
        return lines

    def readinto(self, buffer):
        n = self.raw.readinto(buffer) or 0
        self.count += n
        return n

    def __iter__(self):
        for line in self.raw:
            yield self._counted(line)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class _KeepAliveHandler(serving.WSGIRequestHandler):
    protocol_version = "HTTP/1.1"
    _keep_alive = False  # only inside run_wsgi, for a request whose framing is certain

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle and delayed ACKs add 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle_expect_100(self):
        return True  # werkzeug's run_wsgi sends the 100 Continue itself

    def send_header(self, keyword, value):
        if self._keep_alive and keyword.lower() == "connection" and value.lower() == "close":
            return
        super().send_header(keyword, value)

    def run_wsgi(self):
        chunked = "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length, chunked = 0, True  # unknowable framing: answer, then close
        raw = self.rfile
        self.rfile = reader = _CountingReader(raw)
        self._keep_alive = not chunked
        self.environ_failed = False
        try:
            super().run_wsgi()
        finally:
            self._keep_alive = False
            self.rfile = raw
        unread = length - reader.count
        if chunked or unread < 0 or self.environ_failed:
            self.close_connection = True
            return
        while unread > 0:
            dropped = raw.read(min(unread, 65536))
            if not dropped:
                self.close_connection = True
                return
            unread -= len(dropped)


def _failures_close(app):
    """An application error may leave an answer cut short: the connection must not be reused."""
    def wrapped(environ, start_response):
        handler = environ.get("moto.handler")
        try:
            answer = app(environ, start_response)
            try:
                yield from answer
            finally:
                if hasattr(answer, "close"):
                    answer.close()
        except BaseException:
            if handler is not None:
                handler.environ_failed = True
            raise
    return wrapped


# Moto runs TransactWriteItems by copying the tables first and, when a condition fails, putting the copy
# back: a transaction that fails while another request writes (on another of the server's threads)
# silently undoes that write. DynamoDB itself isolates transactions, so the product may rely on it (two
# claims of one pairing code: the loser must not erase the winner's link). One DynamoDB request at a
# time restores that guarantee; S3, STS and the rest stay concurrent.
_DYNAMODB = threading.Lock()


def _dynamodb_serialised(app):
    def wrapped(environ, start_response):
        if not (environ.get("HTTP_X_AMZ_TARGET") or "").startswith("DynamoDB_"):
            yield from app(environ, start_response)
            return
        with _DYNAMODB:
            answer = app(environ, start_response)
            try:
                body = b"".join(answer)
            finally:
                if hasattr(answer, "close"):
                    answer.close()
        yield body
    return wrapped


class _HandlerInEnviron(_KeepAliveHandler):
    def make_environ(self):
        environ = super().make_environ()
        environ["moto.handler"] = self
        return environ


if _WERKZEUG_3:
    serving.selectors = type("NoDrainSelectors", (), {"DefaultSelector": _NoDrain, "EVENT_READ": 1})
    _HANDLER, _APP_WRAPPER = _HandlerInEnviron, _failures_close
else:
    _HANDLER, _APP_WRAPPER = None, (lambda app: app)


port = int(sys.argv[1]) if len(sys.argv) > 1 else 0
server = serving.make_server("127.0.0.1", port,
                             _APP_WRAPPER(_dynamodb_serialised(DomainDispatcherApplication(create_backend_app))),
                             threaded=True, request_handler=_HANDLER)
threading.Thread(target=server.serve_forever, name="moto-server", daemon=True).start()
port = server.server_address[1]


def warm(service, method, path, body, headers):
    """Moto builds each service's backend on its first request; pay that here, not in a test's first call."""
    scope = "Credential=warmup/20260101/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=0" % service
    request = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), data=body, method=method,
                                     headers=dict(headers, Authorization="AWS4-HMAC-SHA256 " + scope))
    try:
        urllib.request.urlopen(request, timeout=10).read()
    except Exception:
        pass  # a refusal still built the backend


warm("dynamodb", "POST", "/", b"{}", {"X-Amz-Target": "DynamoDB_20120810.ListTables",
                                      "Content-Type": "application/x-amz-json-1.0"})
warm("s3", "GET", "/", None, {})
warm("sts", "POST", "/", b"Action=GetCallerIdentity&Version=2011-06-15",
     {"Content-Type": "application/x-www-form-urlencoded"})
warm("sqs", "POST", "/", b"{}", {"X-Amz-Target": "AmazonSQS.ListQueues", "Content-Type": "application/x-amz-json-1.0"})

parent = os.getppid()


def watch_parent():
    # Belt and braces next to stdin: re-parenting means the parent died.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


threading.Thread(target=watch_parent, daemon=True).start()
print("MOTO_READY " + json.dumps({"port": port, "version": moto.__version__, "werkzeug": _WERKZEUG_VERSION,
                                  "keep_alive": _WERKZEUG_3, "python": sys.executable}), flush=True)
try:
    while sys.stdin.buffer.read(4096):
        pass
finally:
    os._exit(0)
