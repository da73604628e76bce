"""Charts people can read: server-rendered SVG with a scale, a legend and a table of the same
figures beside each one (`plot`), and statistical process control in NHS England's "Making Data
Count" style (`spc` decides, `spc_chart` draws and explains)."""
