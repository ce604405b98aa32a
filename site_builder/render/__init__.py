"""What a page shows: the contexts templates lay out, the helpers they call, dates in the
reader's language. It imports the layers below; never ``output``, ``engine`` or ``apps``."""
