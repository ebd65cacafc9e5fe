"""A small HTTP client for the Fovea API over urllib, acting with the job's token (standard library only).

The data helpers (objects.py, images.py, pixels.py, rois.py) are written over it; ``ctx.api``
is the way to any other route of ``/api/v1`` (see docs/openapi.json).
"""
import json
import os
from urllib.parse import quote, urlencode

# urllib.request (with http.client, email and ssl) and mimetypes are imported on first use: they
# cost ~30 ms at start-up, which describe mode (every upload) and scripts that make no request
# need not pay.

API_PREFIX = "/api/v1"
PAGE_MAX = 1000


class FoveaApiError(Exception):
    """A failed API request: ``code`` (e.g. NOT_FOUND), ``status`` (HTTP) and the server's message."""

    def __init__(self, code, message, status, details=None):
        Exception.__init__(self, message)
        self.code = code
        self.status = status
        self.details = details


_CODE_FOR_STATUS = {400: "VALIDATION_FAILED", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND", 409: "CONFLICT"}


def api_base(server_url):
    base = server_url.rstrip("/")
    if "://" not in base:
        base = "http://" + base
    return base if base.endswith(API_PREFIX) else base + API_PREFIX


def _ref_text(ref):
    if isinstance(ref, str):
        return ref
    return "%s:%d" % (ref["type"], int(ref["id"]))


class Response(object):
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None


class Api(object):
    """``ctx.api``: raw requests to ``/api/v1`` with the job token. Paths are relative to the API root."""

    def __init__(self, server_url, token, timeout=300):
        self.base = api_base(server_url)
        self._token = token
        self._timeout = timeout

    def request(self, method, path, query=None, json_body=None, data=None, content_type=None):
        url = self.base + (path if path.startswith("/") else "/" + path)
        if query:
            q = [(k, "true" if v is True else "false" if v is False else v) for k, v in query.items() if v is not None]
            if q:
                url += "?" + urlencode(q)
        headers = {"Authorization": "Bearer " + self._token, "Accept": "application/json, */*"}
        if json_body is not None:
            data = json.dumps(json_body).encode("utf-8")
            content_type = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        from urllib.error import HTTPError, URLError
        from urllib.request import Request, urlopen

        req = Request(url, data=data, headers=headers, method=method)
        try:
            with urlopen(req, timeout=self._timeout) as res:
                return Response(res.status, res.headers, res.read())
        except HTTPError as err:
            raise self._error(err)
        except URLError as err:
            raise FoveaApiError("UNAVAILABLE", "cannot reach the Fovea server at %s: %s" % (self.base, err.reason), 0)

    @staticmethod
    def _error(err):
        body = err.read() or b""
        try:
            envelope = json.loads(body.decode("utf-8"))
            e = envelope.get("error") if isinstance(envelope, dict) else None
            if isinstance(e, dict) and isinstance(e.get("message"), str):
                return FoveaApiError(e.get("code") or _CODE_FOR_STATUS.get(err.code, "INTERNAL"), e["message"], err.code, e.get("details"))
        except ValueError:
            pass
        text = body.decode("utf-8", "replace").strip()[:500] or err.reason
        return FoveaApiError(_CODE_FOR_STATUS.get(err.code, "INTERNAL"), "HTTP %d: %s" % (err.code, text), err.code)

    def get(self, path, **query):
        """GET a JSON resource: ``ctx.api.get("/images/12")``."""
        return self.request("GET", path, query=query).json()

    def post(self, path, body=None, **query):
        return self.request("POST", path, query=query, json_body=body if body is not None else {}).json()

    def put(self, path, body=None, **query):
        return self.request("PUT", path, query=query, json_body=body if body is not None else {}).json()

    def patch(self, path, body=None, **query):
        return self.request("PATCH", path, query=query, json_body=body if body is not None else {}).json()

    def delete(self, path, **query):
        return self.request("DELETE", path, query=query).json()

    def list_all(self, path, **query):
        """Every item of a paged list endpoint."""
        items = []
        offset = 0
        while True:
            page = self.get(path, limit=PAGE_MAX, offset=offset, **query)
            got = page.get("items", [])
            items.extend(got)
            offset += len(got)
            if len(got) < PAGE_MAX or offset >= page.get("total", 0):
                return items

    def upload_file(self, name, content, links=(), mime_type=None, description=None, namespace=None):
        """POST /annotations/files as multipart/form-data; returns the FileAnnotation's JSON."""
        if isinstance(content, str):
            content = content.encode("utf-8")
        content = bytes(content)
        import mimetypes

        mime_type = mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        boundary = "----fovea" + os.urandom(16).hex()
        parts = []

        def field(key, value):
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, key)).encode("utf-8"))
            parts.append(value.encode("utf-8") + b"\r\n")

        # Fields go before the file, so that a streaming multipart parser sees them first.
        if namespace is not None:
            field("namespace", namespace)
        if description is not None:
            field("description", description)
        for link in links:
            field("link", _ref_text(link))
        safe = name.replace("\\", "_").replace('"', "_").replace("\r", "_").replace("\n", "_")
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"; filename*=UTF-8''%s\r\n"
                      "Content-Type: %s\r\n\r\n" % (boundary, safe, quote(name), mime_type)).encode("utf-8"))
        parts.append(content + b"\r\n")
        parts.append(("--%s--\r\n" % boundary).encode("utf-8"))
        res = self.request("POST", "/annotations/files", data=b"".join(parts),
                           content_type="multipart/form-data; boundary=" + boundary)
        return res.json()
