"""Work-report site generator: the domain core (model, loading, validation) and its renderers."""
