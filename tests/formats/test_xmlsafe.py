"""XML safety: external entities are never read, entity bombs fail fast, errors name file:line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.helpers import cli

from termsmith import xmlsafe
from termsmith.errors import InputFileError
from termsmith.formats import tbx, tmx
from termsmith.project import Project

SECRET = "termsmith-secret-7f3a"


def _xxe(secret: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file://{secret}">]>
<tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1"
 segtype="phrase" o-tmf="x" adminlang="en" datatype="plaintext"/><body>
<tu><tuv xml:lang="en"><seg>court</seg></tuv><tuv xml:lang="fr"><seg>&xxe;</seg></tuv></tu>
</body></tmx>"""


def _laughs(levels: int = 10) -> str:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n' + "\n".join(lines) + "\n]>\n"
        f'<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="fr">'
        f"<seg>&lol{levels - 1};</seg></tuv></tu></body></tmx>"
    )


def test_external_entity_is_refused_and_never_read(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / "xxe.tmx"
    path.write_text(_xxe(secret), encoding="utf-8")
    with pytest.raises(
        InputFileError, match="refused: the file declares the XML entity 'xxe'"
    ) as info:
        tmx.read(path, project)
    assert SECRET not in str(info.value)
    run = cli("import", str(path))
    assert run.code == 1 and run.err.startswith("Error: ")
    assert SECRET not in run.out + run.err
    assert SECRET not in "".join(
        p.read_text(encoding="utf-8") for p in project.glossary_dir.rglob("*.jsonl")
    )


def test_the_parser_itself_never_expands_or_fetches(tmp_path: Path) -> None:
    """Even below the refusal, the parser leaves entity references unexpanded."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    from lxml import etree

    root = etree.fromstring(_xxe(secret).encode(), xmlsafe._parser())
    assert SECRET not in etree.tostring(root, encoding="unicode")
    parameter = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "file://{secret}"> %p;]><x>a</x>'
    )
    root = etree.fromstring(parameter.encode(), xmlsafe._parser())
    assert SECRET not in etree.tostring(root.getroottree(), encoding="unicode")
    with pytest.raises(InputFileError, match="refused"):
        xmlsafe.parse(parameter.encode(), "p.xml")


def test_billion_laughs_fails_fast(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "lol.tmx"
    path.write_text(_laughs(), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(InputFileError, match=r"lol\.tmx:\d+: refused: ") as info:
        tmx.read(path, project)
    assert time.perf_counter() - start < 1.0
    assert "entit" in str(info.value)
    run = cli("import", str(path))
    assert run.code == 1 and run.err.startswith(f"Error: {path}:")
    assert "does not expand XML entities" in run.err


def test_small_entity_declarations_are_refused_too(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "lol.tbx"
    path.write_text(_laughs(levels=2).replace("tmx", "martif"), encoding="utf-8")
    with pytest.raises(
        InputFileError, match=r"lol\.tbx:1: refused: the file declares the XML entity"
    ):
        tbx.read(path, project)


@pytest.mark.parametrize(
    ("data", "line", "what"),
    [
        (
            b"<tmx>\n<body>\n<tu>\n</body></tmx>",
            4,
            "malformed XML: Opening and ending tag mismatch",
        ),
        (b"<tmx>\n<body>&nbsp;</body></tmx>", 2, "malformed XML: Entity 'nbsp' not defined"),
        (b"", 1, "malformed XML: "),
        (b"<?xml version='1.0' encoding='klingon'?><tmx/>", 1, ""),
    ],
)
def test_malformed_xml_names_file_and_line(data: bytes, line: int, what: str) -> None:
    with pytest.raises(InputFileError) as info:
        xmlsafe.parse(data, "bad.tmx")
    assert info.value.line == line
    assert str(info.value).startswith(f"bad.tmx:{line}: {what}")


def test_illegal_characters() -> None:
    assert xmlsafe.illegal_char("tab\tnewline\ncr\r最高\U0001f600") is None
    for char in ("\x00", "\x1b", "\ufffe", "\uffff", "\ud800"):
        assert xmlsafe.illegal_char(f"a{char}b") == char
