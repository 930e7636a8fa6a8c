"""Participation records: what each young person took part in, and the council year's figures.

`services` writes (the entries the participation team adds and removes), `selectors` reads and
says who may see what, `views` are the pages, `forms` serves them.
"""
