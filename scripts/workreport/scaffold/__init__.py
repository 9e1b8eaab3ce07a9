"""``workreport new``: add one placeholder record with the next free id, for editors to fill in.

Editors' files carry comments, section headings and a layout of their own, so the new entry
is spliced into the text, never re-dumped through a YAML writer: every old byte stays where
it was and the new block is the only difference. The data is loaded again afterwards; if
anything is wrong the file is put back as it was (or the new file removed).

The package, by what each module holds:

- ``kinds``: the kinds of record (task, indicator…), their key, file and sections;
- ``choices``: the unit, line of work and title the new record is about;
- ``ids``: choosing the next free id;
- ``rows``: the entry's lines as YAML with Chinese comments, rendered in a file's layout;
- ``drafts``: the placeholder entry of each kind;
- ``splicing``: which file it goes to, and the text-level insertion into it;
- ``command``: writing the file, checking it and undoing it (the ``new`` subcommand itself is
  ``workreport.commands.new``);
- ``errors``: the error the command reports.
"""

from __future__ import annotations

from .choices import Context, default_category, option_value, resolve_category, resolve_choice, resolve_unit
from .command import apply_edit, display_path, undo_edit, write_atomically, write_edit
from .drafts import (
    DRAFTERS,
    Draft,
    draft_bottom_line,
    draft_case,
    draft_highlight,
    draft_honor,
    draft_indicator,
    draft_project,
    draft_task,
)
from .errors import ScaffoldError
from .ids import category_codes, group_prefix, line_codes, most_common, next_id, project_prefix, source_codes, split_id
from .kinds import KIND_NAMES, KINDS_BY_NAME, KindSpec, resolve_kind
from .rows import ALIGN_LIMIT, Layout, Row, empty_log, hint, open_key, put, render_item
from .splicing import Edit, new_file, newline_of, plan_edit, record_file, splice, target_path

__all__ = [
    "ALIGN_LIMIT",
    "DRAFTERS",
    "KINDS_BY_NAME",
    "KIND_NAMES",
    "Context",
    "Draft",
    "Edit",
    "KindSpec",
    "Layout",
    "Row",
    "ScaffoldError",
    "apply_edit",
    "category_codes",
    "default_category",
    "display_path",
    "draft_bottom_line",
    "draft_case",
    "draft_highlight",
    "draft_honor",
    "draft_indicator",
    "draft_project",
    "draft_task",
    "empty_log",
    "group_prefix",
    "hint",
    "line_codes",
    "most_common",
    "new_file",
    "newline_of",
    "next_id",
    "open_key",
    "option_value",
    "plan_edit",
    "project_prefix",
    "put",
    "record_file",
    "render_item",
    "resolve_category",
    "resolve_choice",
    "resolve_kind",
    "resolve_unit",
    "source_codes",
    "splice",
    "split_id",
    "target_path",
    "undo_edit",
    "write_atomically",
    "write_edit",
]
