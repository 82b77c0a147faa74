"""Interactive packages (SCORM 1.2 and SCORM 2004 zips, H5P content): checked as hostile input, then extracted.

`inspect(file)` reads only the zip's central directory and its manifest; it refuses, with a reason in the uploader's
language, any entry whose name could land outside the package's directory (`..`, absolute paths, backslashes,
drive letters), symlinks (Unix mode in the entry's external attributes), too many entries, too large an unpacked
size, too high a compression ratio (zip bombs, judged on the declared sizes and enforced again while extracting).
Those checks are the same for every kind; the package's own description is then read by its kind's reader:
`imsmanifest.xml` for SCORM (parsed with defusedxml: no DTD, no entities, no external references), `h5p.json`,
`content/content.json` and the libraries' `library.json` for H5P (size-limited JSON, H5P's file-type whitelist).
`extract(file, info)` then writes the files into a temporary directory and renames it, in one step, to the
package's directory (named by the zip's SHA-256): a refusal or a crash leaves nothing half-written."""

import hashlib
import json
import os
import posixpath
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext as _

from learning import conf
from learning.enums import PackageKind

MANIFEST = "imsmanifest.xml"
H5P_MANIFEST = "h5p.json"
H5P_CONTENT = "content/content.json"
# H5P's own whitelist (h5p-php-library's default content and library extensions), without Flash and office files;
# scripts and style sheets only inside a library's folder, as H5P requires.
H5P_CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp svg webp eot ttf woff woff2 otf webm mp4 ogg oga ogv mp3 m4a wav txt vtt webvtt csv"
    .split())
H5P_LIBRARY_EXTENSIONS = H5P_CONTENT_EXTENSIONS | {"js", "css"}
H5P_JSON_LIMIT = 1024 * 1024  # h5p.json and each library.json
H5P_CONTENT_LIMIT = 10 * 1024 * 1024  # content/content.json
_LIBRARY_NAME = re.compile(r"^[A-Za-z0-9._-]{1,255}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 64 * 1024


class PackageError(Exception):
    """A refused package; the message says why."""


@dataclass
class PackageInfo:
    kind: str
    launch: str  # the launch file's path inside the package, with its query string if the manifest gives one
    title: str
    sha256: str
    entries: int
    unpacked_bytes: int


def _check_name(name):
    if not name or "\x00" in name:
        raise PackageError(_("The package contains an entry without a valid name."))
    if "\\" in name:
        raise PackageError(_("The package contains a path with a backslash (%(name)s).") % {"name": name[:200]})
    if name.startswith("/") or _DRIVE.match(name):
        raise PackageError(_("The package contains an absolute path (%(name)s).") % {"name": name[:200]})
    if ".." in name.split("/"):
        raise PackageError(_("The package contains a path leaving its folder (%(name)s).") % {"name": name[:200]})


def _is_symlink(entry):
    mode = entry.external_attr >> 16
    return entry.create_system == 3 and stat.S_ISLNK(mode)


def _sha256(file):
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(_CHUNK), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def _open(file):
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    if size > conf.package_max_upload_bytes():
        raise PackageError(_("The package is too large (%(limit)s MB at most).")
                           % {"limit": conf.package_max_upload_bytes() // (1024 * 1024)})
    file.seek(0)
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise PackageError(_("The file is not a valid zip archive."))


def _check_entries(archive):
    entries = archive.infolist()
    if len(entries) > conf.package_max_entries():
        raise PackageError(_("The package has too many files (%(count)s; %(limit)s at most).")
                           % {"count": len(entries), "limit": conf.package_max_entries()})
    total = 0
    names = set()
    for entry in entries:
        _check_name(entry.filename)
        if _is_symlink(entry):
            raise PackageError(_("The package contains a symbolic link (%(name)s).") % {"name": entry.filename[:200]})
        if entry.flag_bits & 0x1:
            raise PackageError(_("The package contains an encrypted file (%(name)s).") % {"name": entry.filename[:200]})
        total += entry.file_size
        if entry.file_size > 1024 * 1024 and entry.file_size > conf.package_max_ratio() * max(entry.compress_size, 1):
            raise PackageError(_("The package looks like a zip bomb: %(name)s unpacks to more than %(ratio)s times "
                                 "its compressed size.") % {"name": entry.filename[:200], "ratio": conf.package_max_ratio()})
        key = entry.filename.rstrip("/").lower()
        if key in names:
            raise PackageError(_("The package contains the same path twice (%(name)s).") % {"name": entry.filename[:200]})
        names.add(key)
    if total > conf.package_max_unpacked_bytes():
        raise PackageError(_("The package unpacks to too large a size (%(limit)s MB at most).")
                           % {"limit": conf.package_max_unpacked_bytes() // (1024 * 1024)})
    return entries, total


def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _children(element, name):
    return [child for child in element if _local(child.tag) == name]


def _read_manifest(archive, names):
    entry = archive.getinfo(MANIFEST)
    if entry.file_size > 5 * 1024 * 1024:
        raise PackageError(_("The package's imsmanifest.xml is too large."))
    data = archive.read(entry)
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise PackageError(_("The package's imsmanifest.xml declares a DTD or entities, which are refused."))
    except ElementTree.ParseError:
        raise PackageError(_("The package's imsmanifest.xml is not valid XML."))
    if _local(root.tag) != "manifest":
        raise PackageError(_("The package's imsmanifest.xml has no manifest element."))
    return root


def _version(root):
    schema = ""
    for metadata in _children(root, "metadata"):
        for element in _children(metadata, "schemaversion"):
            schema = (element.text or "").strip().lower()
    if "2004" in schema or "cam 1.3" in schema:
        return PackageKind.SCORM_2004
    if schema == "1.2":
        return PackageKind.SCORM_12
    namespaces = {_namespace(element.tag) for element in root.iter()} | {
        value for element in root.iter() for key, value in element.attrib.items()}
    if any(marker in str(ns) for ns in namespaces for marker in ("adlcp_v1p3", "adlseq", "imsss")):
        return PackageKind.SCORM_2004
    if any("adlcp_rootv1p2" in str(ns) for ns in namespaces):
        return PackageKind.SCORM_12
    raise PackageError(_("The package's imsmanifest.xml does not say which SCORM version it follows."))


def _launch(root, names):
    organizations = next(iter(_children(root, "organizations")), None)
    orgs = _children(organizations, "organization") if organizations is not None else []
    if not orgs:
        raise PackageError(_("The package's imsmanifest.xml has no organisation."))
    default = organizations.get("default")
    organization = next((org for org in orgs if org.get("identifier") == default), orgs[0])
    item = next((element for element in organization.iter() if _local(element.tag) == "item"
                 and element.get("identifierref")), None)
    if item is None:
        raise PackageError(_("The package's organisation has no item to launch."))
    resources = next(iter(_children(root, "resources")), None)
    resource = next((res for res in (_children(resources, "resource") if resources is not None else [])
                     if res.get("identifier") == item.get("identifierref")), None)
    if resource is None or not resource.get("href"):
        raise PackageError(_("The package's first item points to no resource with a file to launch."))
    base = "".join(filter(None, [resources.get("{http://www.w3.org/XML/1998/namespace}base"),
                                 resource.get("{http://www.w3.org/XML/1998/namespace}base")]))
    href = base + resource.get("href") + (item.get("parameters") or "")
    path, _sep, query = href.partition("?")
    path = path.split("#", 1)[0]
    _check_name(path)
    path = posixpath.normpath(path)
    if path not in names:
        raise PackageError(_("The file to launch (%(name)s) is not in the package.") % {"name": path[:200]})
    title = next((t.text or "" for t in _children(organization, "title")), "").strip()
    return path + (f"?{query}" if query else ""), title


def _inspect_scorm(archive, names):
    root = _read_manifest(archive, names)
    kind = _version(root)
    launch, title = _launch(root, names)
    return kind, launch, title


# H5P: h5p.json names the main library and its dependencies, each in a folder "<machineName>-<major>.<minor>" with
# its library.json; the content's parameters are in content/content.json. h5p-standalone (the player) reads them.


def _read_json(archive, names, name, limit):
    if name not in names:
        raise PackageError(_("The H5P content has no %(name)s.") % {"name": name})
    entry = archive.getinfo(name)
    if entry.file_size > limit:
        raise PackageError(_("The H5P content's %(name)s is too large (%(limit)s kB at most).")
                           % {"name": name[:200], "limit": limit // 1024})
    try:
        data = json.loads(archive.read(entry).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PackageError(_("The H5P content's %(name)s is not valid JSON.") % {"name": name[:200]})
    if not isinstance(data, dict):
        raise PackageError(_("The H5P content's %(name)s is not a JSON object.") % {"name": name[:200]})
    return data


def _check_h5p_files(names):
    for name in names:
        top, _sep, rest = name.partition("/")
        if name == H5P_MANIFEST:
            continue
        if not rest:
            raise PackageError(_("The H5P content has a file outside its content and library folders (%(name)s).")
                               % {"name": name[:200]})
        allowed = H5P_CONTENT_EXTENSIONS if top == "content" else H5P_LIBRARY_EXTENSIONS
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        if extension not in allowed:
            raise PackageError(_("The H5P content contains a file of a type that is not allowed (%(name)s).")
                               % {"name": name[:200]})


def _dependency(value):
    """(machineName, major, minor) of a dependency in h5p.json, or None when it is malformed."""
    if not isinstance(value, dict):
        return None
    name, major, minor = value.get("machineName"), value.get("majorVersion"), value.get("minorVersion")
    if not (isinstance(name, str) and _LIBRARY_NAME.match(name) and ".." not in name):
        return None
    if isinstance(major, bool) or isinstance(minor, bool) or not (isinstance(major, int) and isinstance(minor, int)):
        return None
    return name, major, minor


def _library(archive, names, dependency):
    """The library.json of a dependency, read from its folder ("Name-1.0", or "Name" as h5p-standalone allows)."""
    name, major, minor = dependency
    for folder in (f"{name}-{major}.{minor}", name):
        if f"{folder}/library.json" in names:
            library = _read_json(archive, names, f"{folder}/library.json", H5P_JSON_LIMIT)
            if (library.get("machineName"), library.get("majorVersion"), library.get("minorVersion")) != dependency:
                raise PackageError(_("The library.json of %(name)s does not describe that library.")
                                   % {"name": f"{name} {major}.{minor}"})
            for key in ("preloadedJs", "preloadedCss"):
                files = library.get(key, [])
                if not isinstance(files, list) or not all(isinstance(item, dict) for item in files):
                    raise PackageError(_("The library.json of %(name)s is not valid.")
                                       % {"name": f"{name} {major}.{minor}"})
                for item in files:
                    path = item.get("path")
                    if not isinstance(path, str) or f"{folder}/{path}" not in names:
                        raise PackageError(_("A file of the library %(name)s is missing from the package.")
                                           % {"name": f"{name} {major}.{minor}"})
                    _check_name(f"{folder}/{path}")
            return library
    raise PackageError(_("The library %(name)s is not in the package.") % {"name": f"{name} {major}.{minor}"})


def _inspect_h5p(archive, names):
    _check_h5p_files(names)
    manifest = _read_json(archive, names, H5P_MANIFEST, H5P_JSON_LIMIT)
    _read_json(archive, names, H5P_CONTENT, H5P_CONTENT_LIMIT)
    main = manifest.get("mainLibrary")
    dependencies = manifest.get("preloadedDependencies")
    if not isinstance(main, str) or not main:
        raise PackageError(_("The H5P content's h5p.json does not name its main library."))
    if not isinstance(dependencies, list) or not dependencies or len(dependencies) > 200:
        raise PackageError(_("The H5P content's h5p.json does not list its libraries."))
    parsed = [_dependency(value) for value in dependencies]
    if None in parsed:
        raise PackageError(_("The H5P content's h5p.json lists a library without a valid name and version."))
    if main not in {name for name, _major, _minor in parsed}:
        raise PackageError(_("The H5P content's main library (%(name)s) is not among its libraries.")
                           % {"name": main[:200]})
    for dependency in parsed:
        _library(archive, names, dependency)
    title = manifest.get("title")
    return PackageKind.H5P, H5P_MANIFEST, title.strip() if isinstance(title, str) else ""


def inspect(file):
    """Check an uploaded zip (a file object) without extracting it; return its PackageInfo or raise PackageError.
    A zip with h5p.json at its root is H5P content, one with imsmanifest.xml a SCORM package."""
    archive = _open(file)
    with archive:
        entries, total = _check_entries(archive)
        names = {entry.filename for entry in entries if not entry.is_dir()}
        if H5P_MANIFEST in names:
            kind, launch, title = _inspect_h5p(archive, names)
        elif MANIFEST in names:
            kind, launch, title = _inspect_scorm(archive, names)
        else:
            raise PackageError(_("The package has neither an imsmanifest.xml (SCORM) nor an h5p.json (H5P) at its "
                                 "root."))
    return PackageInfo(kind=kind, launch=launch, title=title[:200], sha256=_sha256(file), entries=len(entries),
                       unpacked_bytes=total)


def directory(sha256) -> Path:
    if not re.fullmatch(r"[0-9a-f]{64}", sha256 or ""):
        raise ValueError("not a SHA-256")
    return conf.packages_root() / sha256


def extract(file, info):
    """Write the package's files under directory(info.sha256), atomically. The same zip uploaded twice shares its
    directory. While extracting, each entry is read no further than its declared size (a lying header is refused)."""
    target = directory(info.sha256)
    if target.is_dir():
        return target
    root = conf.packages_root()
    root.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
    try:
        with _open(file) as archive:
            written = 0
            for entry in archive.infolist():
                _check_name(entry.filename)
                destination = (temporary / entry.filename).resolve()
                if not destination.is_relative_to(temporary.resolve()):
                    raise PackageError(_("The package contains a path leaving its folder (%(name)s).")
                                       % {"name": entry.filename[:200]})
                if entry.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(entry) as source, open(destination, "wb") as out:
                    remaining = entry.file_size
                    while chunk := source.read(min(_CHUNK, remaining + 1)):
                        remaining -= len(chunk)
                        written += len(chunk)
                        if remaining < 0 or written > conf.package_max_unpacked_bytes():
                            raise PackageError(_("The package unpacks to more than it declares: refused."))
                        out.write(chunk)
        try:
            os.rename(temporary, target)
        except OSError:
            if not target.is_dir():  # another upload of the same zip won the race: theirs is the same files
                raise
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise PackageError(_("The file is not a valid zip archive.")) from error
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)
    return target


def resolve(sha256, path):
    """The extracted file for `path` inside the package, or None (missing, a directory, or outside the package)."""
    try:
        root = directory(sha256).resolve()
    except ValueError:
        return None
    if not path or "\\" in path or "\x00" in path or path.startswith("/") or ".." in path.split("/"):
        return None
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate
