# A small data dashboard: tabs, a dataframe, a plot, state, and events chained with .then().
import pandas as pd
import gradio as gr
from gradio import Dataframe, Markdown

data = pd.DataFrame({"day": list(range(7)), "visits": [3, 5, 2, 8, 13, 21, 34]})


def filter_rows(df, minimum):
    return df[df["visits"] >= minimum], f"{(df['visits'] >= minimum).sum()} rows"


def remember(count, history):
    history = history + [count]
    return history, ", ".join(history)


def load_defaults():
    return data, 0


with gr.Blocks(theme=gr.themes.Soft(), fill_height=True) as app:
    history = gr.State([])
    with gr.Tab("Table"):
        minimum = gr.Number(value=0, label="Minimum visits", precision=0)
        table = Dataframe(value=data, interactive=False, row_count=(7, "dynamic"))
        counter = Markdown()
        minimum.change(filter_rows, [table, minimum], [table, counter]).then(
            remember, [counter, history], [history, counter]
        )
    with gr.Tab("Plot"):
        plot = gr.LinePlot(data, x="day", y="visits", title="Visits per day")
        refresh = gr.Button("Reload")
        refresh.click(load_defaults, outputs=[table, minimum], api_name=False)
    with gr.Accordion("About", open=False):
        gr.HTML("<p>Numbers are made up.</p>")
    app.load(load_defaults, None, [table, minimum])

app.launch(show_api=False, auth=("admin", "hunter2"))
