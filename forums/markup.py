"""Markdown to safe HTML: markdown-it-py without raw HTML, then nh3 with an allow-list. Mentions become
`<span class="mention">` only for the handles the caller allows (people who can read the forum)."""

import re

import nh3
from markdown_it import MarkdownIt

MENTION_RE = re.compile(r"(?<![\w@/.])@([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)", re.IGNORECASE)
LINK_RE = re.compile(r"(?:https?://|mailto:|\]\()", re.IGNORECASE)

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "span",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
ALLOWED_CLASSES = {"span": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}


def mentioned_handles(text: str) -> list[str]:
    """The handles a text names, lower-cased, in order, once each (code included: a cheap over-approximation that
    the caller narrows to existing people)."""
    seen = []
    for handle in MENTION_RE.findall(text or ""):
        handle = handle.lower()
        if handle not in seen:
            seen.append(handle)
    return seen


def count_links(text: str) -> int:
    return len(LINK_RE.findall(text or ""))


def _mention_rule(state, silent):
    if state.src[state.pos] != "@":
        return False
    if state.pos > 0 and re.match(r"[\w@/.]", state.src[state.pos - 1]):
        return False
    match = MENTION_RE.match(state.src, state.pos)
    allowed = state.env.get("mentions", ())
    if not match or match.group(1).lower() not in allowed:
        return False
    if not silent:
        token = state.push("mention", "", 0)
        token.content = match.group(1).lower()
    state.pos = match.end()
    return True


def _render_mention(self, tokens, idx, options, env):
    from markdown_it.common.utils import escapeHtml

    return f'<span class="mention">@{escapeHtml(tokens[idx].content)}</span>'


def _parser():
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    # Headings inside a post start at h3: the page has its own h1 and h2.
    md.inline.ruler.before("emphasis", "mention", _mention_rule)
    md.add_render_rule("mention", _render_mention)
    return md


_MD = _parser()


def _shift_headings(html: str) -> str:
    return re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + 2)}>", html)


def render(text: str, mentions=()) -> str:
    """Safe HTML for a post's Markdown. `mentions`: the handles to show as mentions."""
    html = _MD.render(text or "", {"mentions": set(mentions)})
    return clean(_shift_headings(html))


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )


def quote(author_name: str, text: str) -> str:
    """The Markdown a reply starts with when it quotes a post."""
    lines = "\n".join(f"> {line}" if line else ">" for line in (text or "").splitlines())
    return f"> **{author_name}**\n>\n{lines}\n\n"
