"""Files the kit writes besides the pages the engine renders: the writer, exports (API,
CSV, calendar, feeds, oEmbed), pictures, the search index, root files and the yearly
report. It imports the layers below it, never ``engine`` or ``apps``."""
