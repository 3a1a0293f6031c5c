"""Beside the data flow: roles and principals (who may do what), without Streamlit."""
