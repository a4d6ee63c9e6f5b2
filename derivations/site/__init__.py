"""Build-time support for the MkDocs site (hooks); not used by the derivations themselves."""
