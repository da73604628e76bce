"""Reading a PDF back in the tests: its text, and its structure tree (what a screen reader finds)."""

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def reader(body: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(body))


def page_texts(body: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in reader(body).pages]


def structure_tags(body: bytes) -> list[str]:
    """The tags of the structure tree, in reading order ("/H1", "/Table", "/TH", …); [] if untagged."""
    root = reader(body).trailer["/Root"]
    if "/StructTreeRoot" not in root:
        return []
    tags = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                tags.append(str(node["/S"]))
            if "/K" in node:  # kids only: /P (parent) and /Pg (page) would loop back
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return tags


def embedded_fonts(body: bytes) -> set[str]:
    """Base names of the fonts the pages use, without the subset prefix ("Noto-Sans")."""
    names = set()
    for page in reader(body).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names
