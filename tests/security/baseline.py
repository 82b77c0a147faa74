"""What every response of the site must carry under production settings, as one reusable check."""

from django.conf import settings

SECURITY_SETTING_PREFIXES = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_")
SECURITY_SETTINGS = {
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PACTE_CSP_REPLACE_BY_PREFIX",
    "MIDDLEWARE",
    "CSRF_TRUSTED_ORIGINS",
}


def is_security_setting(name: str) -> bool:
    return name in SECURITY_SETTINGS or name.startswith(SECURITY_SETTING_PREFIXES)


def parse_csp(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def relaxed_area(path: str) -> str | None:
    """The prefix of the area whose CSP is knowingly relaxed (see PACTE_CSP_REPLACE_BY_PREFIX), if any."""
    for prefix in getattr(settings, "PACTE_CSP_REPLACE_BY_PREFIX", {}):
        if path.startswith(prefix):
            return prefix
    return None


def security_header_problems(path: str, response) -> list[str]:
    """Every way in which `response` (to a request for `path`) misses the baseline; empty when it is fine."""
    problems = []
    hsts = response.get("Strict-Transport-Security", "")
    if "max-age=" not in hsts or int(hsts.split("max-age=")[1].split(";")[0]) < 60 * 60 * 24 * 180:
        problems.append(f"HSTS missing or shorter than 180 days: {hsts!r}")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if response.get("Referrer-Policy") not in ("same-origin", "strict-origin-when-cross-origin", "no-referrer"):
        problems.append(f"Referrer-Policy: {response.get('Referrer-Policy')!r}")
    csp = parse_csp(response.get("Content-Security-Policy", ""))
    if not csp:
        problems.append("no Content-Security-Policy")
        return problems
    frame_ancestors = csp.get("frame-ancestors")
    if response.get("X-Frame-Options") not in ("DENY", "SAMEORIGIN") and frame_ancestors is None:
        problems.append("neither X-Frame-Options nor CSP frame-ancestors")
    if frame_ancestors is not None and not set(frame_ancestors) <= {"'self'", "'none'"}:
        problems.append(f"frame-ancestors allows other sites: {frame_ancestors}")
    script_src = csp.get("script-src", csp.get("default-src", []))
    if not script_src:
        problems.append("no script-src nor default-src")
    if "*" in script_src or any(s in ("http:", "https:", "data:") for s in script_src):
        problems.append(f"script-src allows any origin: {script_src}")
    if "'unsafe-eval'" in script_src:
        problems.append("script-src allows 'unsafe-eval'")
    if "'unsafe-inline'" in script_src and relaxed_area(path) is None:
        problems.append(f"script-src allows 'unsafe-inline' outside the relaxed areas: {script_src}")
    if csp.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    if "base-uri" not in csp:
        problems.append("no base-uri")
    return problems
