"""Which address django-axes counts login failures against, given how many reverse proxies stand in front of Django.

`trusted_proxies` is the number of proxies a request passes through, each one adding the address it received the
request from to X-Forwarded-For (nginx's `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`). Behind
one nginx the header reaches Django as "<whatever the client sent>, <client>": the client is its right-most entry,
the only one a trusted proxy wrote. Behind N proxies it is the N-th entry from the right. Everything to the left
of it came from the client and is ignored, so a forged entry cannot choose the address failures are counted
against.

django-ipware counts differently: its `proxy_count` is the number of proxy addresses *listed in the header* after
the client's, and `strict` mode refuses a header with more entries than that (a forged one) instead of skipping
them. Hence N - 1, and IPWARE_STRICT = False in the settings.

With no proxy, X-Forwarded-For is whatever the client wants: it is not read at all, only REMOTE_ADDR."""


def axes_client_address(trusted_proxies: int) -> dict:
    if trusted_proxies < 0:
        raise ValueError("PACTE_TRUSTED_PROXIES must be 0 or more.")
    if trusted_proxies == 0:
        return {"AXES_IPWARE_PROXY_COUNT": None, "AXES_IPWARE_META_PRECEDENCE_ORDER": ("REMOTE_ADDR",)}
    return {
        "AXES_IPWARE_PROXY_COUNT": trusted_proxies - 1,
        "AXES_IPWARE_META_PRECEDENCE_ORDER": ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    }
