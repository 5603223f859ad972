"""Reading real reports: formats, encodings, normalisation, outline, facts, dimensions."""
