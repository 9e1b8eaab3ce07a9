"""``workreport bench``: the build measured against the engine's own cost, from one to fifty bureaus."""
