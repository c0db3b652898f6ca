"""`mockint web`: the practice app in the browser, served from this computer only."""

from __future__ import annotations

import tempfile
import webbrowser

import click

from mockint.cli.common import engines
from mockint.config import home_dir
from mockint.errors import UserError

EXPOSED_WARNING = ("mockint: WARNING: listening on {host}, so other machines on this network can reach the app. "
                   "Your sessions are protected only by the key in the link; use --host 127.0.0.1 unless you must.")


@click.command()
@click.option("--port", default=0, type=click.IntRange(0, 65535), help="Port to listen on (default: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but this computer's own needs --expose.")
@click.option("--expose", is_flag=True, help="Allow --host to be an address other machines can reach (with a warning).")
@click.option("--no-browser", is_flag=True, help="Print the link but do not open a browser.")
@click.option("--seed", type=int, hidden=True, help="Fix the randomness (for tests).")
def web(port, host, expose, no_browser, seed):
    """Practise, speak and review in your browser; nothing leaves this computer."""
    from mockint.web.app import create_app
    from mockint.web.security import Launch, is_loopback
    from mockint.web.server import bind, server_for

    if not is_loopback(host) and not expose:
        raise UserError(f"{host} is reachable from other machines: add --expose if you really mean to serve the app "
                        "there, or leave --host out to keep it on this computer.")
    # The voice renders each question through a temporary file: keep those under MOCKINT_HOME,
    # like everything else this server writes.
    scratch = home_dir() / "tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    tempfile.tempdir = str(scratch)
    sock = bind(host, port)
    bound_port = sock.getsockname()[1]
    launch = Launch.new(bound_port, extra_host=None if is_loopback(host) else host)
    app = create_app(engines(), launch, seed=seed)
    if app.state.store_notice:
        click.echo(f"mockint: {app.state.store_notice}", err=True)
    if not is_loopback(host):
        click.echo(EXPOSED_WARNING.format(host=host), err=True)
    url = launch.url()
    click.echo(f"mockint is running at {url}")
    click.echo("Open that link (it carries this launch's key). Press Ctrl-C here to stop.", err=True)
    if not no_browser:
        webbrowser.open(url)
    server_for(app).run(sockets=[sock])
