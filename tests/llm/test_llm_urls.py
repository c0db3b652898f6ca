"""A server's address: checked, written one way, judged on this computer or not; the names models go by."""

import pytest

from mockint.llm.server import served_by, short_model_name
from mockint.llm.urls import is_this_computer, normalise_url, server_address


@pytest.mark.parametrize("given, written", [
    ("http://127.0.0.1:11434", "http://127.0.0.1:11434/v1"),  # Ollama's address as people type it
    ("http://localhost:1234/v1/", "http://localhost:1234/v1"),
    ("  https://gpu.team.example/openai/v1 ", "https://gpu.team.example/openai/v1"),
    ("http://[::1]:8080", "http://[::1]:8080/v1"),
    ("HTTP://LocalHost:8000/v1", "http://localhost:8000/v1"),
])
def test_addresses_are_written_one_way(given, written):
    assert normalise_url(given) == written


@pytest.mark.parametrize("given, says", [
    ("localhost:11434", "not an http:// or https:// address"),
    ("ftp://127.0.0.1/v1", "not an http:// or https:// address"),
    ("http://", "names no host"),
    ("http://127.0.0.1:port/v1", "port that is not a number"),
    ("http://me:secret@127.0.0.1:8000/v1", "llm_api_key"),
    ("http://127.0.0.1:8000/v1?key=1", "query or fragment"),
])
def test_bad_addresses_say_what_is_wrong(given, says):
    with pytest.raises(ValueError, match=says):
        normalise_url(given)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:11434/v1", "http://127.8.9.10/v1", "http://localhost:1234/v1", "http://LOCALHOST/v1",
    "http://api.localhost/v1", "http://[::1]:8080/v1", "http://[::ffff:127.0.0.1]:8080/v1", "http://0.0.0.0:8000/v1",
])
def test_loopback_addresses_are_this_computer(url):
    assert is_this_computer(url)


@pytest.mark.parametrize("url", [
    "http://10.0.0.5:8000/v1", "http://192.168.1.20:11434/v1", "https://gpu.team.example/v1",
    "http://localhost.team.example/v1", "http://[2001:db8::1]:8000/v1",
])
def test_other_addresses_are_not(url):
    assert not is_this_computer(url)


def test_models_are_named_as_people_say_them_and_where_they_ran():
    assert short_model_name("/work/models/SmolLM2-135M-Instruct.Q4_1.gguf") == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert short_model_name("Qwen/Qwen2.5-7B-Instruct") == "Qwen/Qwen2.5-7B-Instruct"  # vLLM's Hugging Face names stay
    assert short_model_name("qwen2.5:7b") == "qwen2.5:7b"
    assert served_by("qwen2.5:7b", "http://127.0.0.1:11434/v1") == "qwen2.5:7b via 127.0.0.1:11434"
    assert server_address("https://gpu.team.example/openai/v1") == "gpu.team.example"
