# Looks like a Gradio app but is not one: a local module named like it, and objects with the same method names.
import gradio_tools as gr
from mylib import Blocks


class Button:
    def click(self, fn, inputs=None, outputs=None):
        return fn


def launch(app, share=False):
    return app


with Blocks() as demo:
    btn = Button()
    btn.click(lambda: None, [1, 2, 3], [4])
    demo.queue(concurrency_count=5)

gr.Textbox(lable="x").style(full_width=True)
launch(demo, share=True)
