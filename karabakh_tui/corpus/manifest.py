"""`sources.toml` -> list[Source], validated; or a bare folder of .txt/.md files."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from karabakh_tui.model import Source
from karabakh_tui.text import one_line, safe_text

MANIFEST = "sources.toml"
LAYOUTS = ("auto", "pdf", "paragraphs", "markdown")
_WRITTEN = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2]))?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


class ManifestError(ValueError):
    """The manifest cannot be used; the message is one line naming the entry and the fix."""


@dataclass(frozen=True)
class Corpus:
    """A folder of documents and what is known about each."""

    root: Path
    sources: tuple[Source, ...]
    warnings: tuple[str, ...] = ()
    has_manifest: bool = True

    def path_of(self, source: Source) -> Path:
        return self.root / source.file


def load_corpus(root: Path) -> Corpus:
    """Read `root/sources.toml`, or describe every .txt/.md file when there is none."""
    if not root.is_dir():
        raise ManifestError(f"corpus folder {root} does not exist; pass --corpus DIR")
    manifest = root / MANIFEST
    if manifest.is_file():
        return Corpus(root, _read_manifest(manifest, root))
    return _bare_folder(root)


def _read_manifest(manifest: Path, root: Path) -> tuple[Source, ...]:
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{manifest}: not valid TOML ({exc}); fix the syntax") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise ManifestError(f"{manifest}: no [[source]] entries; add one per document")
    seen: set[str] = set()
    return tuple(_source(entry, n, manifest, root, seen) for n, entry in enumerate(entries, 1))


def _source(entry: object, n: int, manifest: Path, root: Path, seen: set[str]) -> Source:
    where = f"{manifest.name} entry {n}"
    if not isinstance(entry, dict):
        raise ManifestError(f"{where}: expected a table of keys")
    sid, file = str(entry.get("id", "")), str(entry.get("file", ""))
    where = f"{manifest.name} entry {n} (id {sid!r})"
    if not _ID.match(sid):
        raise ManifestError(f"{where}: id must be lower-case letters, digits, '-', '_' or '.'")
    if sid in seen:
        raise ManifestError(f"{where}: duplicate id; give each document its own id")
    seen.add(sid)
    if not file or not (root / file).is_file():
        raise ManifestError(f"{where}: file {file!r} not found in {root}; fix 'file' or add it")
    written = entry.get("written")
    if written is not None and not _WRITTEN.match(str(written)):
        raise ManifestError(f"{where}: written date {written!r} does not parse; use YYYY-MM")
    layout = str(entry.get("layout", "auto"))
    if layout not in LAYOUTS:
        raise ManifestError(f"{where}: layout {layout!r} unknown; use one of {', '.join(LAYOUTS)}")
    # a TOML string may hold "\u001b": the manifest's words are shown like document text
    fields = {k: one_line(safe_text(str(entry[k])))
              for k in ("title", "author", "venue", "perspective", "short", "title_basis",
                        "written_basis") if k in entry}
    fields.setdefault("title", Path(file).stem)
    fields.setdefault("short", _short(fields.get("author", "unknown"), fields["title"], written))
    return Source(id=sid, file=file, written=None if written is None else str(written),
                  layout=layout, **fields)


def _short(author: str, title: str, written: object) -> str:
    who = author.split()[-1] if author and author != "unknown" else title[:40]
    return f"{who} {str(written)[:4]}".strip() if written else who


def _bare_folder(root: Path) -> Corpus:
    files = sorted(p for p in root.iterdir() if p.suffix.lower() in (".txt", ".md") and p.is_file())
    if not files:
        raise ManifestError(f"{root}: no {MANIFEST} and no .txt/.md files; add documents")
    sources = tuple(
        Source(id=_slug(p.stem, n), file=p.name, title=_title_of(p), short=_title_of(p)[:40])
        for n, p in enumerate(files)
    )
    warning = (f"{root} has no {MANIFEST}: writing dates unknown, so relative dates such as "
               "'last year' cannot be resolved; add a manifest to fix")
    return Corpus(root, sources, (warning,), has_manifest=False)


def _slug(stem: str, n: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or f"doc-{n}"


def _title_of(path: Path) -> str:
    """The first short non-empty line when it reads like a title, else the file's name."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for raw in fh:
                line = safe_text(raw).strip().lstrip("#").strip().strip("*_").strip()
                if line:
                    return line if len(line) <= 100 else path.stem
    except OSError:
        pass
    return path.stem
