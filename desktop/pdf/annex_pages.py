"""The annex laid out once per policy version and language, and drawn under each acknowledgment's pages.

The annex (the policy text verbatim, then the summary read at the desk) is most of an acknowledgment's
pages and almost all of its rendering time, yet it is the same for every client who signs the same
version in the same language. Its pages are therefore rendered once, without page furniture, to a
small PDF; its objects (each page's content, the fonts' subsets) are read back once with pypdf and
kept in memory, ready to be written as they are, keyed by the texts' SHA-256, the version and the
language. Each acknowledgment then writes them into its own file and paints each annex page as a
form XObject under the page furniture it draws itself (header, client, verification code,
"Page N of M"), the way reportlab places an externally defined form.

Every rendering goes through the same path, cached or not, so the same document gives the same bytes.
"""

from __future__ import annotations

import io
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

import desktop.pdf.fonts as fonts
from desktop.pdf.styles import FRAME_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZE

#: Annexes kept: a clinic has a few policy versions in two languages at most.
CACHE_SIZE = 16
#: Names of the annex's objects inside an acknowledgment's file (reportlab's own are "R<n>", "F<n>"…).
_PREFIX = "FDAnnex"

#: Bytes written as they are, and object numbers of the annex PDF, replaced by the new file's.
Chunks = tuple[bytes | int, ...]


@dataclass(frozen=True)
class AnnexKey:
    """What makes two annexes the same pages: the texts (by SHA-256), their labels and the language."""

    policy_sha256: str
    summary_sha256: str | None
    version: str
    effective: str
    language: str


class _RawObject(PDFObject):
    """An annex object written into an acknowledgment's file: its bytes, references renumbered."""

    def __init__(self, chunks: Chunks) -> None:
        self.chunks = chunks

    def format(self, document: PDFDocument) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        return b"".join(
            chunk if isinstance(chunk, bytes) else b"%d 0 R" % numbers[f"{_PREFIX}.{chunk}"][0]
            for chunk in self.chunks
        )


@dataclass(frozen=True)
class AnnexPages:
    """The annex's pages as form XObjects (one each) and the objects they use (fonts, by number)."""

    forms: tuple[Chunks, ...]
    objects: tuple[tuple[int, Chunks], ...]

    @property
    def pages(self) -> int:
        return len(self.forms)

    def draw(self, canvas: Canvas, index: int) -> None:
        """Paint annex page ``index`` (from 0) on the canvas's current page, under what follows."""
        document = canvas._doc
        if not canvas.hasForm(f"{_PREFIX}.page0"):
            # Written once per file, in a fixed order: the same document gives the same bytes.
            for number, chunks in self.objects:
                document.Reference(_RawObject(chunks), f"{_PREFIX}.{number}")
            for page, chunks in enumerate(self.forms):
                document.Reference(_RawObject(chunks), document.getXObjectName(f"{_PREFIX}.page{page}"))
        canvas.saveState()
        canvas.doForm(f"{_PREFIX}.page{index}")
        canvas.restoreState()


_lock = threading.Lock()
_cache: OrderedDict[AnnexKey, AnnexPages] = OrderedDict()


def body_frame() -> Frame:
    """The frame every acknowledgment page writes in (the annex's pages use the same)."""
    return Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )


def annex_pages(key: AnnexKey, story: Callable[[], list[Flowable]]) -> AnnexPages:
    """The annex's pages for ``key``, laid out from ``story()`` the first time only."""
    with _lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    # Laid out outside the lock: two threads may both lay out a new version once, to the same pages.
    made = _read_back(_render(story()))
    with _lock:
        _cache[key] = made
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return made


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _render(story: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        invariant=1,
        pageCompression=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=10,
    )
    template.addPageTemplates([PageTemplate(id="annex", frames=[body_frame()])])
    template.build(story)
    return buffer.getvalue()


def _read_back(pdf: bytes) -> AnnexPages:
    """Each page's content as a form XObject, with every object its resources reach."""
    from pypdf import PdfReader  # read once per policy version: not worth loading for every process

    reader = PdfReader(io.BytesIO(pdf))
    writer = _ChunkWriter(reader)
    forms = []
    for page in reader.pages:
        content = page.get_contents()
        if content is None:
            raise ValueError("an annex page has no content")
        form = writer.stream(
            {
                "/Type": "/XObject",
                "/Subtype": "/Form",
                "/BBox": page.mediabox,
                "/Resources": page.raw_get("/Resources"),
            },
            content.get_data(),
        )
        forms.append(form)
    return AnnexPages(tuple(forms), writer.reachable())


class _ChunkWriter:
    """Writes pypdf objects as PDF bytes, references kept as object numbers to renumber later."""

    def __init__(self, reader: object) -> None:
        self._reader = reader
        self._objects: dict[int, Chunks] = {}
        self._pending: list[int] = []

    def stream(self, entries: dict[str, object], data: bytes) -> Chunks:
        """A stream of ``data`` (compressed here, once) with the dictionary ``entries``."""
        from pypdf.generic import NameObject

        packed = zlib.compress(data)
        out: list[bytes | int] = [b"<<"]
        for key, value in entries.items():
            out.append(b" " + key.encode("latin-1") + b" ")
            self._write(NameObject(value) if isinstance(value, str) else value, out)
        out.append(b" /Filter /FlateDecode /Length %d >>\nstream\n" % len(packed))
        out.append(packed)
        out.append(b"\nendstream")
        return _joined(out)

    def reachable(self) -> tuple[tuple[int, Chunks], ...]:
        from pypdf.generic import StreamObject

        while self._pending:
            number = self._pending.pop()
            if number in self._objects:
                continue
            obj = self._reader.get_object(number)  # type: ignore[attr-defined]
            if isinstance(obj, StreamObject):
                entries = {
                    str(key): value
                    for key, value in dict.items(obj)
                    if key not in ("/Filter", "/Length", "/DecodeParms")
                }
                self._objects[number] = self.stream(entries, obj.get_data())
            else:
                out: list[bytes | int] = []
                self._write(obj, out)
                self._objects[number] = _joined(out)
        return tuple(sorted(self._objects.items()))

    def _write(self, obj: object, out: list[bytes | int]) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        if isinstance(obj, IndirectObject):
            out.append(obj.idnum)
            if obj.idnum not in self._objects:
                self._pending.append(obj.idnum)
        elif isinstance(obj, StreamObject):
            raise ValueError("a stream inside another object")
        elif isinstance(obj, DictionaryObject):
            out.append(b"<<")
            for key, value in dict.items(obj):
                out.append(b" ")
                self._leaf(key, out)
                out.append(b" ")
                self._write(value, out)
            out.append(b" >>")
        elif isinstance(obj, ArrayObject):
            out.append(b"[")
            for value in list.__iter__(obj):
                out.append(b" ")
                self._write(value, out)
            out.append(b" ]")
        else:
            self._leaf(obj, out)

    @staticmethod
    def _leaf(obj: object, out: list[bytes | int]) -> None:
        buffer = io.BytesIO()
        obj.write_to_stream(buffer)  # type: ignore[attr-defined]
        out.append(buffer.getvalue())


def _joined(parts: list[bytes | int]) -> Chunks:
    """Adjacent bytes joined: few chunks to write per acknowledgment."""
    out: list[bytes | int] = []
    for part in parts:
        if isinstance(part, bytes) and out and isinstance(out[-1], bytes):
            out[-1] = out[-1] + part
        else:
            out.append(part)
    return tuple(out)
