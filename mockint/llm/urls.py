"""The address of an OpenAI-compatible server: checked, written one way, and judged local or not."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

EXAMPLE = "http://127.0.0.1:11434/v1"
# Ollama, LM Studio, llama.cpp's server and vLLM all serve the OpenAI API under /v1.
DEFAULT_PATH = "/v1"


def normalise_url(text: str) -> str:
    """The server's base URL without a trailing slash, /v1 when no path is given; ValueError says what is wrong."""
    text = text.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or "://" not in text:
        raise ValueError(f"'{text}' is not an http:// or https:// address; give one like {EXAMPLE}")
    try:
        port = parts.port  # reading it checks it
    except ValueError:
        raise ValueError(f"'{text}' has a port that is not a number; give one like {EXAMPLE}") from None
    if not parts.hostname:
        raise ValueError(f"'{text}' names no host; give one like {EXAMPLE}")
    if parts.username or parts.password:
        raise ValueError("put the server's key in llm_api_key (MOCKINT_LLM_API_KEY), not in the address")
    if parts.query or parts.fragment:
        raise ValueError(f"'{text}' has a query or fragment; give only the base address, like {EXAMPLE}")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    netloc = host if port is None else f"{host}:{port}"
    path = parts.path.rstrip("/") or DEFAULT_PATH
    return f"{parts.scheme}://{netloc}{path}"


def server_address(url: str) -> str:
    """host:port of a server URL, as the model's name and the messages show it."""
    parts = urlsplit(url)
    return parts.netloc or url


def is_this_computer(url: str) -> bool:
    """Whether a URL points at this computer (loopback), so nothing sent to it leaves the machine."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name other than localhost may resolve anywhere
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    # 0.0.0.0 is what servers print when they listen on every interface; connecting to it reaches this computer.
    return address.is_loopback or address.is_unspecified
