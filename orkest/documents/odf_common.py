"""What the OpenDocument text and spreadsheet share: fixed metadata (no "now", no machine)."""

from __future__ import annotations

from odf import dc, meta
from odf.element import Element
from odf.namespaces import nsdict
from odf.opendocument import OpenDocument

from orkest.documents.reproducible import FIXED_DATETIME

GENERATOR = "Orkest in de Klas"


def fixed_namespaces() -> None:
    """Call before making a document: odfpy declares on each root every namespace any document of
    the process used so far (a dict shared by all its elements); one full set keeps the bytes the same."""
    Element.namespaces.clear()
    Element.namespaces.update(sorted(nsdict.items()))


def set_metadata(document: OpenDocument, title: str, language: str) -> None:
    # odfpy names itself and its Python version as the generator: fixed, so a new Python gives the same bytes.
    document.meta.childNodes[:] = []
    document.meta.addElement(meta.Generator(text=GENERATOR))
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Language(text=language))
    document.meta.addElement(meta.CreationDate(text=FIXED_DATETIME.isoformat()))
    document.meta.addElement(dc.Date(text=FIXED_DATETIME.isoformat()))
