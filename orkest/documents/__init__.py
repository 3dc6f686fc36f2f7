"""Editable downloads made from a page's Markdown: the page is their one source.

A page opts in with front matter `downloads: [docx, odt, xlsx, ods]` (any of these).
docx and odt hold the page's title, its sections (## headings), the guidance as italic help
text, its notes, the questions, checklists and tables (cells shown as "..." or "€ ..." left
empty). xlsx and ods are a workbook with one sheet per page named in front matter `workbook`
(default: the page itself): a table with an amount column gets formulas (amounts.py), any
other table is a plain sheet (sheets.py); the layout is in cells.py. Same source, same bytes
(reproducible.py); made once per source and kept (cache.py). make.py turns a page into its
files. Independent of MkDocs; importing this package imports none of the office libraries (make.py does).
"""
