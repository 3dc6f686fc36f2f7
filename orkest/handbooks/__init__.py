"""PDF handbooks: each top-level section of the built site, per language, as one printable PDF.

Works on the built site folder, whatever generator built it (like orkest/finish/): the
sections and their order come from the pages' own navigation markup (sections.py), each
handbook is assembled as one HTML document (assemble.py), printed by Chromium twice so the
table of contents shows page numbers (printer.py), and linked from its section's index page
(link_box.py). `python -m orkest handbooks site/` runs it all (make.py).
"""
