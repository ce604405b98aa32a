"""The yearly implementation report: its document types (``document``), composed from the
records (``compose``, with the reporting duty in ``duty``, the bodies through reorganisations
in ``bodies``, the plan's citation in ``citation`` and the Decree-30 letterhead in
``letterhead``), written as Markdown (``markdown``) and as ``.docx`` (``docx``, on
``ooxml`` and ``typeface``) by the writers the caller chooses (``files``); ``request``
checks a report asked for on the command line."""
