# gradio-lint: target-version=3.50
# A Gradio 3 app the way it was written in 2023: inputs/outputs namespaces, .style(), queue(concurrency_count=).
import gradio as gr


def transcribe(audio, language):
    return f"[{language}] transcript of {audio}"


def summarize(text):
    return gr.Textbox.update(value=text[:100], visible=True)


iface = gr.Interface(
    transcribe,
    [gr.inputs.Audio(source="microphone", type="filepath"), gr.inputs.Dropdown(["en", "fr"], default="en")],
    gr.outputs.Textbox(label="Transcript"),
    interpretation="default",
)

with gr.Blocks(css=".gradio-container {max-width: 800px}") as demo:
    with gr.Box():
        text = gr.Textbox(lines=6).style(container=False)
        summary = gr.Textbox(visible=False)
    btn = gr.Button("Summarize").style(full_width=True)
    btn.click(summarize, inputs=text, outputs=summary, _js="(x) => x")
    gallery = gr.Gallery().style(grid=[2], height="auto")
    chat = gr.Chatbot(color_map=("green", "pink"))

demo.queue(concurrency_count=3, status_update_rate="auto").launch(enable_queue=True, show_tips=True)
