"""The W3C Nu Html Checker (vnu.jar), run locally on Java. The pinned release is fetched from the npm registry by
`make browser-deps` (VNU_VERSION in the Makefile) into the git-ignored .cache/vnu/; Java comes from Debian."""

import json
import shutil
import subprocess
from pathlib import Path

VNU_DIR = Path(__file__).resolve().parents[2] / ".cache" / "vnu" / "node_modules" / "vnu-jar"
VNU_JAR = VNU_DIR / "build" / "dist" / "vnu.jar"


class VnuMissing(RuntimeError):
    pass


def vnu_version():
    return json.loads((VNU_DIR / "package.json").read_text())["version"]


def validate(paths):
    """{path: [errors]} for HTML files, all checked by one JVM (one per file costs seconds each). Errors are vnu's
    messages of type "error" (and "non-document-error", when a file cannot be checked at all)."""
    java = shutil.which("java")
    if java is None:
        raise VnuMissing("Java is not installed: run `make browser-deps` (apt-get install default-jre-headless).")
    if not VNU_JAR.exists():
        raise VnuMissing(f"The Nu Html Checker is not installed ({VNU_JAR} is missing): run `make browser-deps`.")
    paths = [Path(p).resolve() for p in paths]
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--exit-zero-always", "--format", "json", "--stdout",
         *map(str, paths)],
        capture_output=True, text=True, timeout=300,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"The Nu Html Checker gave no report ({error}):\n{result.stdout}{result.stderr}") from None
    by_path = {path: [] for path in paths}
    for message in messages:
        if message.get("type") in ("error", "non-document-error"):
            url = message.get("url", "")
            path = Path(url.removeprefix("file:")).resolve() if url.startswith("file:") else None
            by_path.setdefault(path, []).append(message)
    return by_path


def format_errors(errors):
    lines = []
    for error in errors:
        where = f"line {error.get('lastLine', '?')}, column {error.get('firstColumn', error.get('lastColumn', '?'))}"
        lines.append(f"- {where}: {error.get('message', '')}")
        if error.get("extract"):
            lines.append(f"    {error['extract'].strip()}")
    return "\n".join(lines)
