"""The bench's hello-world Streamlit app: a title and one small Plotly chart (the same chart
component as the dashboard's), the floor for 'start to first chart visible'."""

import plotly.graph_objects as go
import streamlit as st

st.title("Hello world")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])), width="stretch")
