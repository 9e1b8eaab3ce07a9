"""The one place where the project meets MkDocs: the only package that imports it.

- ``session``: the sites this process has loaded, once per change of ``data/``;
- ``site``: the renderer for a build's configuration, data errors as a clean abort;
- ``hooks``: the MkDocs hooks that mkdocs.yml names (through ``macros/hooks.py``).

The macros module (``macros/main.py``) takes its site from ``site``. Starting MkDocs in a
child process is ``workreport.sitebuild``'s job, which imports nothing of MkDocs.
"""
