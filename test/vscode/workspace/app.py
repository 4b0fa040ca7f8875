import gradio as gr


def describe(img):
    if img is None:
        return "No image yet"
    width, height = img.size
    return f"{width} x {height} pixels"


with gr.Blocks() as demo:
    picture = gr.Image(type="pil")
    size = gr.Textbox(lable="Size")
    measure = gr.Button("Measure")

measure.click(describe, picture, size)

demo.launch(enable_queue=True)
