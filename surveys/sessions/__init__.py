"""Sessions: meet the manager and the care leavers forum. Young people book a place or join the
waiting list and get a text the day before; the host records who came.

`services` writes (book, cancel, record who came, the reminder task), `selectors` reads and
says who may see what, `views` are the pages, `forms` and `calendar` serve them.
"""
