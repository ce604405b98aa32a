"""What people run: the command line, the build's orchestration, the live preview, the CMS
configuration and the scaffolding of new files. The top layer: nothing imports it."""
