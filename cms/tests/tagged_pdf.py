"""A checker for tagged PDFs, for the tests of every PDF the platform makes (not product code): it reads a PDF the
way an assistive technology would, and lists what breaks that reading.

`inspect(data)` returns the problems found (an empty list means tagged), the structure elements in reading order with
their text, and the text of each page's artifacts. It checks: the catalog says Marked true and has a structure tree,
a language and (in the metadata) a title, shown in the window; every page has /StructParents and /Tabs /S; every
text-showing operator lies inside a marked-content sequence that is an Artifact or carries an MCID; every MCID is
referenced by exactly one structure element, and the parent tree leads back from it to that same element."""

import io
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

TEXT_SHOW = {b"Tj", b"TJ", b"'", b'"'}


@dataclass
class Tagging:
    problems: list = field(default_factory=list)
    elements: list = field(default_factory=list)  # (role, text) in structure order
    artifact_text: list = field(default_factory=list)  # one string per page
    content_text: list = field(default_factory=list)  # one string per page: the text of marked content only

    def roles(self, *roles):
        return [text for role, text in self.elements if role in roles]


def _walk_structure(element, page, found, order):
    element = element.get_object()
    if not isinstance(element, DictionaryObject):
        return
    page = element.get("/Pg", page)
    kids = element.get("/K")
    if kids is None:
        kids = []
    elif not isinstance(kids, list):
        kids = [kids]
    if element.get("/Type") == "/StructElem":
        order.append(element)
    for kid in kids:
        resolved = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(resolved, int):
            found.setdefault((page.idnum if page is not None else None, int(resolved)), []).append(element)
        elif isinstance(resolved, DictionaryObject) and resolved.get("/Type") == "/MCR":
            key = (resolved.get("/Pg", page).idnum, int(resolved["/MCID"]))
            found.setdefault(key, []).append(element)
        elif isinstance(resolved, DictionaryObject):
            _walk_structure(kid, page, found, order)


def _number_tree(node, into):
    node = node.get_object()
    nums = node.get("/Nums", [])
    for i in range(0, len(nums), 2):
        into[int(nums[i])] = nums[i + 1].get_object()
    for kid in node.get("/Kids", []):
        _number_tree(kid, into)
    return into


def _marked(operations):
    """Each text-showing operation's index, with ("artifact", None), ("mcid", n) or (None, None) for unmarked; and
    how many marked-content sequences carry each MCID."""
    stack, shown, sequences = [], [], {}
    for index, (operands, operator) in enumerate(operations):
        if operator == b"BMC":
            stack.append((operands[0], None))
        elif operator == b"BDC":
            properties = operands[1] if len(operands) > 1 and isinstance(operands[1], dict) else {}
            mcid = properties.get("/MCID")
            if mcid is not None:
                sequences[int(mcid)] = sequences.get(int(mcid), 0) + 1
            stack.append((operands[0], mcid))
        elif operator == b"EMC":
            if stack:
                stack.pop()
        elif operator in TEXT_SHOW:
            if any(tag == "/Artifact" for tag, _ in stack):
                shown.append((index, ("artifact", None)))
            else:
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                shown.append((index, ("mcid", int(mcid)) if mcid is not None else (None, None)))
    return shown, sequences


def _text_of(writer, page_number, operations, keep):
    """The text pypdf extracts from the page when only the text-showing operations in `keep` are left."""
    filtered = [op for index, op in enumerate(operations) if op[1] not in TEXT_SHOW or index in keep]
    page = writer.pages[page_number]
    content = ContentStream(None, writer, "bytes")  # strings as bytes, as pypdf's text extraction reads them
    content.operations = filtered
    page[NameObject("/Contents")] = writer._add_object(content)
    return " ".join((page.extract_text() or "").split())


def inspect(data: bytes) -> Tagging:
    result = Tagging()
    problems = result.problems
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    if not (root.get("/MarkInfo") or {}).get("/Marked"):
        problems.append("the catalog has no /MarkInfo << /Marked true >>")
    if not root.get("/Lang"):
        problems.append("the catalog has no /Lang")
    if not (reader.metadata or {}).get("/Title"):
        problems.append("the metadata has no /Title")
    if not (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
        problems.append("viewers are not told to show the title (/DisplayDocTitle)")
    tree = root.get("/StructTreeRoot")
    found, order, parents = {}, [], {}
    if tree is None:
        problems.append("the catalog has no /StructTreeRoot")
    else:
        tree = tree.get_object()
        _walk_structure(tree, None, found, order)
        if "/ParentTree" not in tree:
            problems.append("the structure tree has no /ParentTree")
        else:
            parents = _number_tree(tree["/ParentTree"], {})
        if int(tree.get("/ParentTreeNextKey", -1)) <= max(parents, default=-1):
            problems.append("/ParentTreeNextKey is missing or not above the parent tree's keys")
        if not order or order[0].get("/S") != "/Document":
            problems.append("the structure tree does not start with a /Document element")
    for key, elements in found.items():
        if len(elements) != 1:
            problems.append(f"MCID {key[1]} of object {key[0]} is referenced by {len(elements)} structure elements")

    writer = PdfWriter(clone_from=io.BytesIO(data))
    texts_by_element = {}
    for number, page in enumerate(reader.pages):
        where = f"page {number + 1}"
        if page.get("/Tabs") != "/S":
            problems.append(f"{where} has no /Tabs /S")
        key = page.get("/StructParents")
        parent_array = parents.get(int(key)) if key is not None else None
        if tree is not None and parent_array is None:
            problems.append(f"{where} has no /StructParents leading into the parent tree")
        contents = page.get("/Contents")
        operations = ContentStream(contents.get_object(), reader, "bytes").operations if contents is not None else []
        artifact, content_kept, by_mcid = set(), set(), {}
        shown, sequences = _marked(operations)
        page_idnum = page.indirect_reference.idnum
        for mcid, count in sequences.items():
            if count != 1:
                problems.append(f"{where}: MCID {mcid} marks {count} marked-content sequences")
        for (idnum, mcid), elements in found.items():
            if idnum == page_idnum and mcid not in sequences:
                problems.append(f"{where}: a structure element refers to MCID {mcid}, which marks nothing")
        for index, (kind, mcid) in shown:
            if kind == "artifact":
                artifact.add(index)
                continue
            if kind is None:
                problems.append(f"{where}: text shown outside any marked-content sequence (operation {index})")
                continue
            content_kept.add(index)
            by_mcid.setdefault(mcid, set()).add(index)
        for mcid, indexes in by_mcid.items():
            elements = found.get((page_idnum, mcid), [])
            if len(elements) != 1:
                problems.append(f"{where}: MCID {mcid} is referenced by {len(elements)} structure elements")
                continue
            element = elements[0]
            listed = parent_array[mcid] if parent_array is not None and mcid < len(parent_array) else None
            if listed is None or listed.idnum != element.indirect_reference.idnum:
                problems.append(f"{where}: the parent tree does not lead MCID {mcid} back to its element")
            if element.get("/S") not in ("/P", "/Span"):  # headings and the like: their text, for the tests
                texts_by_element.setdefault(id(element), []).append((number, operations, indexes))
        result.artifact_text.append(_text_of(writer, number, operations, artifact))
        result.content_text.append(_text_of(writer, number, operations, content_kept))
    for element in order:
        parts = texts_by_element.get(id(element), [])
        text = " ".join(_text_of(writer, number, operations, indexes) for number, operations, indexes in parts)
        if element.get("/S") == "/Figure":
            text = str(element.get("/Alt", ""))
        result.elements.append((str(element.get("/S")), text))
    return result


def outline_titles(data: bytes) -> list:
    """The headings xhtml2pdf put in the bookmarks (h1 to h6 of the HTML), in order."""
    def flatten(items):
        for item in items:
            if isinstance(item, list):
                yield from flatten(item)
            else:
                yield " ".join(str(item["/Title"]).split())
    return list(flatten(PdfReader(io.BytesIO(data)).outline))
