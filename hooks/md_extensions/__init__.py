"""Python-Markdown extensions of this project: content syntax kept portable,
usable by any Python-Markdown based tool, not only MkDocs."""
