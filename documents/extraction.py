"""Text extraction, run in a subprocess with CPU-time and memory limits (resource.setrlimit) and a wall-clock
timeout, so that a malformed or hostile file cannot hang or exhaust the worker: `extract(data, file_format)` in the
worker; `python -m documents.extraction FORMAT` reads the file on stdin and writes JSON on stdout in the child.

PDFs give one entry per page (pypdf), presentations one per slide; other formats one entry. Office formats are
zip archives of XML, parsed with defusedxml (no entity expansion, no external entities)."""

import io
import json
import re
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field

TIMEOUT = "timeout"
MEMORY = "memory"
DAMAGED = "damaged"
ENCRYPTED = "encrypted"
CRASHED = "crashed"
MAX_PART_BYTES = 64 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


@dataclass
class Outcome:
    pages: list = field(default_factory=list)
    error: str = ""
    detail: str = ""
    seconds: float = 0.0


# In the child --------------------------------------------------------------------------------------------------
def _clean(text):
    text = re.sub(r"[ \t\r\f\v]+", " ", text or "")
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def _part(archive, name):
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        raise ValueError(f"part {name} is too large")
    with archive.open(info) as handle:
        return handle.read(MAX_PART_BYTES + 1)


def _xml(archive, name):
    from defusedxml import ElementTree

    return ElementTree.fromstring(_part(archive, name))


def _pdf(data):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            reader.decrypt("")
        except Exception as error:  # noqa: BLE001 - any failure to open means "encrypted"
            raise PermissionError("encrypted") from error
    return [_clean(page.extract_text() or "") for page in reader.pages]


def _docx(archive):
    root = _xml(archive, "word/document.xml")
    paragraphs = ["".join(node.text or "" for node in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    return [_clean("\n".join(paragraphs))]


def _odf_paragraphs(element):
    out = []
    for node in element.iter():
        if node.tag in (f"{TEXT}p", f"{TEXT}h"):
            out.append("".join(node.itertext()))
    return "\n".join(out)


def _odt(archive):
    return [_clean(_odf_paragraphs(_xml(archive, "content.xml")))]


def _odp(archive):
    root = _xml(archive, "content.xml")
    return [_clean(_odf_paragraphs(page)) for page in root.iter(f"{DRAW}page")]


def _pptx(archive):
    slides = [n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
    slides.sort(key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)))
    pages = []
    for name in slides:
        root = _xml(archive, name)
        paragraphs = ["".join(t.text or "" for t in p.iter(f"{A}t")) for p in root.iter(f"{A}p")]
        pages.append(_clean("\n".join(paragraphs)))
    return pages


def _xlsx(archive):
    if "xl/sharedStrings.xml" not in archive.namelist():
        return [""]
    root = _xml(archive, "xl/sharedStrings.xml")
    return [_clean("\n".join("".join(t.text or "" for t in si.iter(f"{S}t")) for si in root.iter(f"{S}si")))]


ZIPPED = {"docx": _docx, "odt": _odt, "ods": _odt, "odp": _odp, "pptx": _pptx, "xlsx": _xlsx}


def extract_in_process(data: bytes, file_format: str) -> list:
    if file_format == "pdf":
        return _pdf(data)
    if file_format in ZIPPED:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return ZIPPED[file_format](archive)
    return []  # images: no text


def _child(file_format):
    data = sys.stdin.buffer.read()
    try:
        result = {"pages": extract_in_process(data, file_format)}
    except MemoryError:
        result = {"error": MEMORY, "detail": ""}
    except PermissionError:
        result = {"error": ENCRYPTED, "detail": ""}
    except RecursionError:
        result = {"error": DAMAGED, "detail": "too deeply nested"}
    except Exception as error:  # noqa: BLE001 - a hostile file may raise anything; it is reported, not raised
        result = {"error": DAMAGED, "detail": f"{type(error).__name__}: {error}"[:300]}
    sys.stdout.write(json.dumps(result))


# In the worker -------------------------------------------------------------------------------------------------
def _limits(cpu_seconds, memory_bytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NPROC, (64, 64))

    return apply


def extract(data: bytes, file_format: str, *, cpu_seconds=None, memory_mb=None) -> Outcome:
    """Extract the text of `data` in a limited subprocess. Never raises for a bad file: the Outcome says why."""
    import time

    from documents import conf

    wall_seconds = conf.extraction_wall_seconds() if cpu_seconds is None else cpu_seconds * 2 + 5
    cpu_seconds = cpu_seconds or conf.extraction_timeout_seconds()
    memory = (memory_mb or conf.extraction_memory_mb()) * 1024 * 1024
    started = time.perf_counter()
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-E", "-s", "-m", "documents.extraction", file_format],
            input=data, capture_output=True, timeout=wall_seconds,
            preexec_fn=_limits(cpu_seconds, memory), cwd=_project_dir(), check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(error=TIMEOUT, seconds=time.perf_counter() - started)
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        # Killed by SIGXCPU / SIGKILL past the CPU limit, or by the allocator past the memory limit.
        if completed.returncode in (-24, -9):
            return Outcome(error=TIMEOUT, seconds=seconds)
        stderr = completed.stderr.decode("utf-8", "replace")
        if "MemoryError" in stderr:
            return Outcome(error=MEMORY, seconds=seconds)
        return Outcome(error=CRASHED, detail=stderr.strip().splitlines()[-1][:300] if stderr.strip() else
                       f"exit status {completed.returncode}", seconds=seconds)
    try:
        result = json.loads(completed.stdout)
    except ValueError:
        return Outcome(error=CRASHED, detail="unreadable output", seconds=seconds)
    if result.get("error"):
        return Outcome(error=result["error"], detail=result.get("detail", ""), seconds=seconds)
    return Outcome(pages=[str(page) for page in result.get("pages", [])], seconds=seconds)


def _project_dir():
    from pathlib import Path

    return str(Path(__file__).resolve().parent.parent)


if __name__ == "__main__":
    _child(sys.argv[1])
