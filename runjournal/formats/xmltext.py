"""XML from files nobody vouches for: decoded here, and refused if it has a DTD.

Entities can only be declared in a document type declaration, and a GPX or TCX file
never needs one, so refusing any `<!DOCTYPE` refuses entity bombs ("billion laughs")
and external entities (a file that reads another) before a parser sees them. This is
what defusedxml's `forbid_dtd=True` does; the check is made on the decoded text, the
very text the parser is then given, so no encoding can hide a declaration from it.
"""

from __future__ import annotations

import codecs
import re

from .found import Unreadable

_DECLARED = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def decode(data: bytes) -> str:
    """The text of an XML file (BOM or declared encoding, else UTF-8), checked for DTDs."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        declared = _DECLARED.match(data.lstrip()[:200])
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise Unreadable(f"not readable as {encoding} text") from None
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise Unreadable("refused: XML with a document type declaration (entities)")
    return text.lstrip("\ufeff")
