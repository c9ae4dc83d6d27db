"""`karabakh add FILE`: put a document into the corpus and build incrementally.

Registered on the `karabakh` group by one line at the end of `cli.py`. Everything is
checked before anything is written; then the file is copied in (never over another), the
manifest is rewritten atomically with one more `[[source]]` table, and the new manifest
is loaded back -- if that fails, both changes are undone. The build that follows
processes only the new document (the others come from the per-document cache).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import click

from karabakh_tui.cli import Fail, _ensure_built, _say, _workspace, cli, with_errors
from karabakh_tui.corpus.manifest import _ID, _WRITTEN, LAYOUTS  # one definition of valid


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, readable=True))
@click.option("--title", required=True, help="The document's title.")
@click.option("--written", required=True, metavar="YYYY-MM",
              help="When it was written (YYYY-MM, or YYYY): the anchor for 'last year'.")
@click.option("--author", default="unknown", show_default=True, help="Who wrote it.")
@click.option("--id", "doc_id", metavar="ID",
              help="Short id (lower-case letters, digits, '-', '_', '.'); "
                   "default: from the file name.")
@click.option("--venue", default="", help="Publisher or venue.")
@click.option("--perspective", default="", help="Perspective or affiliation it states.")
@click.option("--layout", type=click.Choice(LAYOUTS), default="auto", show_default=True,
              help="Text layout; auto detects it.")
@click.option("--short", default="", help="How citations name it (default: 'Author YYYY').")
@click.pass_context
@with_errors
def add(ctx: click.Context, file: str, **fields: Any) -> None:
    """Add a document to the corpus and build (only the new document is processed).

    The file is copied into the corpus folder under its own name and described in the
    folder's sources.toml.

    \b
    Example:
      karabakh add report.txt --title "Ceasefire report" --written 2023-10 --author "A. Writer"
    """
    ws = _workspace(ctx)
    src = Path(file)
    entry = _entry(src, fields)
    manifest = ws.corpus / "sources.toml"
    old_manifest = manifest.read_text(encoding="utf-8") if manifest.is_file() else None
    known = _known_sources(ws.corpus)
    _refuse_duplicates(ws.corpus, src, entry, known)
    _check_readable(src)

    dest = ws.corpus / entry["file"]
    copied = not dest.exists()
    if copied:
        _copy_new(src, dest)
    try:
        _write_manifest(manifest, _new_manifest(old_manifest, known, entry))
        _check_manifest(ws.corpus)
    except BaseException:
        _restore(manifest, old_manifest)
        if copied:
            dest.unlink(missing_ok=True)
        raise
    _say(f"added {entry['id']} ({entry['file']}) to {manifest}")
    _ensure_built(ws)


# ---- checks --------------------------------------------------------------------------


def _entry(src: Path, fields: dict[str, Any]) -> dict[str, str]:
    doc_id = fields["doc_id"] or _slug(src.stem)
    if not _ID.match(doc_id):
        raise Fail(f"--id {doc_id!r}: use lower-case letters, digits, '-', '_' or '.', "
                   "starting with a letter or digit")
    written = fields["written"].strip()
    if not _WRITTEN.match(written):
        raise Fail(f"--written {written!r} does not parse; use YYYY-MM (or YYYY)")
    title = fields["title"].strip()
    if not title:
        raise Fail("--title is empty; give the document's title")
    entry = {"id": doc_id, "file": src.name, "title": title,
             "author": fields["author"].strip() or "unknown", "written": written,
             "layout": fields["layout"]}
    entry |= {k: fields[k].strip() for k in ("venue", "perspective", "short")
              if fields[k].strip()}
    return entry


def _slug(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "document"


def _known_sources(root: Path) -> list[Any]:
    from karabakh_tui.corpus.manifest import ManifestError, load_corpus

    try:
        return list(load_corpus(root).sources)
    except ManifestError as exc:
        if not (root / "sources.toml").is_file() and root.is_dir():
            return []  # an empty folder: this will be its first document
        raise Fail(f"{exc}; fix it before adding documents") from None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refuse_duplicates(root: Path, src: Path, entry: dict[str, str], known: list[Any]) -> None:
    by_id = {s.id: s for s in known}
    if entry["id"] in by_id:
        raise Fail(f"a document with id {entry['id']!r} is already in the corpus "
                   f"({by_id[entry['id']].file}); pass --id to choose another")
    if any(s.file == entry["file"] for s in known):
        raise Fail(f"{entry['file']} is already in the corpus; nothing added")
    digest = _sha256(src)
    for s in known:
        path = root / s.file
        if path.stat().st_size == src.stat().st_size and _sha256(path) == digest:
            raise Fail(f"{src} has the same content as {s.file} (id {s.id!r}); nothing added")
    dest = root / entry["file"]
    if dest.exists() and not (dest.is_file() and _sha256(dest) == digest):
        raise Fail(f"a different file named {entry['file']} is already in {root}; "
                   "rename yours and try again")


def _check_readable(src: Path) -> None:
    from karabakh_tui.corpus.read import DocumentError, read_document

    try:
        read_document(src)
    except DocumentError as exc:
        raise Fail(f"cannot add {exc}") from None


def _check_manifest(root: Path) -> None:
    from karabakh_tui.corpus.manifest import ManifestError, load_corpus

    try:
        load_corpus(root)
    except ManifestError as exc:
        raise Fail(f"the new entry does not validate ({exc}); nothing added") from None


# ---- writing -------------------------------------------------------------------------


def _toml_string(value: str) -> str:
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def source_table(entry: dict[str, str]) -> str:
    """One `[[source]]` table of the manifest."""
    return "[[source]]\n" + "".join(f"{k} = {_toml_string(v)}\n" for k, v in entry.items())


def _new_manifest(old: str | None, known: list[Any], entry: dict[str, str]) -> str:
    if old is None:
        # a bare folder until now: describe what it holds as load_corpus did, plus the new one
        head = ("# Documents of this corpus; one [[source]] table each (see the seeds'\n"
                "# sources.toml for every key). Written by 'karabakh add'.\n")
        tables = [source_table({"id": s.id, "file": s.file, "title": s.title}) for s in known]
        return "\n".join([head, *tables, source_table(entry)])
    sep = "" if old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
    return old + sep + source_table(entry)


def _write_manifest(manifest: Path, text: str) -> None:
    tmp = manifest.with_name(f"{manifest.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, manifest)
    except OSError as exc:
        raise Fail(f"cannot write {manifest} ({exc.strerror}); nothing added") from None
    finally:
        tmp.unlink(missing_ok=True)


def _restore(manifest: Path, old: str | None) -> None:
    if old is None:
        manifest.unlink(missing_ok=True)
    else:
        _write_manifest(manifest, old)


def _copy_new(src: Path, dest: Path) -> None:
    """Copy without ever replacing an existing file (O_EXCL)."""
    data = src.read_bytes()
    try:
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise Fail(f"{dest} appeared meanwhile; nothing added") from None
    except OSError as exc:
        raise Fail(f"cannot copy into {dest.parent} ({exc.strerror}); nothing added") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        dest.unlink(missing_ok=True)
        raise Fail(f"cannot copy into {dest.parent} ({exc.strerror}); nothing added") from None
