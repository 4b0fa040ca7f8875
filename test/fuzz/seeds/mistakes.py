# An app with the kind of slips people make: typos in keywords, wrong arity, too few returned values.
import gradio as gr
from gradio import Textbox as TB


def greet(name, greeting):
    return greeting + ", " + name


def split_words(text):
    return text.split()[0]


def lookup(query, k):
    if not query:
        return
    return query, k, query.upper()


with gr.Blocks() as demo:
    name = TB(lable="Your name", placholder="Ada")
    greeting = gr.Dropdown(["Hello", "Hi"], value="Howdy", label="Greeting")
    first = gr.Textbox()
    second = gr.Textbox()
    out = gr.Textbox(label="Result", show_copy_button=True)
    go = gr.Button("Go")
    go.click(greet, [name], out)
    go.click(split_words, name, [first, second], every=5)
    name.submit(lookup, [name, greeting], [first, second])
    name.hover(greet, [name, greeting], out)
    gr.Image(mirror_webcam=False, show_download_button=False)

out.change(lambda x: x, out, out)
demo.launch(share=True, enable_queue=True)
