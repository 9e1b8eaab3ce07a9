"""Build with the core of this checkout (a tag's worktree, a clone), not whichever copy is installed.

``main.py`` and ``hooks.py`` run this file before they import ``workreport``: MkDocs loads
both by path, so neither can import it as a sibling module; running it twice is harmless.
``publish`` and ``verify`` rely on it: a tag's worktree is built with that tag's ``scripts/``.
MkDocs imports the Markdown extension in mkdocs.yml before it loads these files, so the commands
that start MkDocs also put this checkout's ``scripts/`` first (``sitebuild.checkout_first``).
"""

import sys
from pathlib import Path

SCRIPTS = str(Path(__file__).resolve().parent.parent / "scripts")
if sys.path[:1] != [SCRIPTS]:
    sys.path.insert(0, SCRIPTS)
