"""The one layer that knows MkDocs: the plugin, the language build, incremental-build
records and the template cache. Everything below it is engine-neutral."""
