"""What is computed from the checked input, once per build: the cross-reference index,
implementation status, the generated page specs, the news lists, widgets and charts. It
imports ``core``, ``model`` and ``inputs``; nothing here renders or writes."""
