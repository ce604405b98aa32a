"""The yearly implementation report: composed from the records (``compose``), written as
Markdown and as a Decree-30 ``.docx`` (``docx``)."""
