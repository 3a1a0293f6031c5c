"""Beside the data flow, before loading: departments deliver their files (review, commit, history).

`review` validates and previews, `commit` stores exactly what was reviewed (etl.loading),
`jumps` finds implausible changes, `history` lists a department's submissions and audit trail,
`error_report` writes a rejected file's rows with their problems. No Streamlit: the page
(app_pages/aanleveren.py) only draws; every access check is made here with access.principal.
"""
