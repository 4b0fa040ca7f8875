"""A small image-captioning demo with the mistakes people make on their first Gradio app."""
import gradio as gr


def caption(image, style):
    if image is None:
        return "No image", ""
    return f"A {style} picture of {image.size[0]}x{image.size[1]} pixels", style


with gr.Blocks() as demo:
    gr.Markdown("# Caption an image")
    with gr.Row():
        picture = gr.Image(type="pil", lable="Photo")
        style = gr.Dropdown(["plain", "poetic"], value="plain")
    caption_box = gr.Textbox(label="Caption")
    used_style = gr.Textbox(label="Style")
    go = gr.Button("Caption")
    go.click(caption, [picture], [caption_box, used_style])

picture.change(caption, [picture, style], [caption_box, used_style])

if __name__ == "__main__":
    demo.launch(server_name="0.0.0.0")
