"""axe-core in the page under test. The pinned release is fetched from the npm registry by `make browser-deps`
(AXE_CORE_VERSION in the Makefile) into the git-ignored .cache/axe/."""

import functools
import json
from pathlib import Path

AXE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "axe" / "node_modules" / "axe-core"
# WCAG 2.0 and 2.1, levels A and AA: what RGAA 4.1 asks of French public bodies.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class AxeMissing(RuntimeError):
    pass


@functools.cache
def axe_source():
    script = AXE_DIR / "axe.min.js"
    if not script.exists():
        raise AxeMissing(f"axe-core is not installed ({script} is missing): run `make browser-deps`.")
    return script.read_text()


def axe_version():
    return json.loads((AXE_DIR / "package.json").read_text())["version"]


def inject_axe(page):
    """Load axe into every document the page opens from now on. Init scripts go in through the DevTools protocol,
    which the site's Content-Security-Policy does not govern, so pages are audited under their real policy."""
    page.add_init_script(script=axe_source())


def run_axe(page):
    """The WCAG A/AA violations on the page as it is now (axe injected beforehand with `inject_axe`)."""
    assert page.evaluate("() => typeof window.axe === 'object'"), "axe-core did not load in the page"
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))
            }));
        }""",
        WCAG_TAGS,
    )


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(json.dumps(part) if not isinstance(part, str) else part for part in node["target"])
            lines.append(f"    at {target}")
            for detail in (node["summary"] or "").splitlines():
                lines.append(f"       {detail}")
    return "\n".join(lines)
