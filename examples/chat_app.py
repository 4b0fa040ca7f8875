"""A chatbot front end; clean for Gradio 6, nothing to report."""
import gradio as gr


def respond(message, history):
    history = history + [
        {"role": "user", "content": message},
        {"role": "assistant", "content": message[::-1]},
    ]
    return "", history


with gr.Blocks() as demo:
    chat = gr.Chatbot(label="Echo bot")
    box = gr.Textbox(placeholder="Say something")
    box.submit(respond, [box, chat], [box, chat])

if __name__ == "__main__":
    demo.launch()
