"""The commands of ``python -m workreport``, one module per family; ``workreport.cli`` puts them together.

- ``check``: ``check`` (the data) and ``schema`` (the editors' JSON Schema);
- ``build``: ``build`` (the site, swapped into ``site/`` when complete);
- ``export``: ``export`` (case compilations and the ledger) and ``bundle`` (the offline site);
- ``publish``: ``publish`` and ``verify`` (one version of the site per reporting period);
- ``new``: ``new`` (a placeholder record with the next free id);
- ``form``: ``form`` (each unit's progress form, XLSX, for its clerk);
- ``importing``: ``import`` (filled progress forms checked, then new log entries appended);
- ``generate``: ``generate`` (synthetic data at scale);
- ``bench``: ``bench`` (the benchmark);
- ``migrate``: ``migrate`` (field names that changed, rewritten in the data files);
- ``init``: ``init`` (a new department's ``data/`` skeleton);
- ``common``: what the commands share: printing problems, the checked data, the output stamp.

Each module adds its subcommands with an ``add_…_command(s)`` function; each command takes
the parsed arguments and returns the exit status. A user's mistake never ends in a traceback.
"""
