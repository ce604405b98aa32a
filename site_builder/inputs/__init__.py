"""Reading and checking what editors commit (``plans/``, ``content/``, ``mkdocs.yml``):
files, YAML with lines, the models' validation, markup, pictures, documents and links.
It imports ``core`` and ``model`` only: a check never depends on how the site is built."""
