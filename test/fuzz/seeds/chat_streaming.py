# A streaming chat app: the history lives in a Chatbot, the reply is yielded token by token.
import time

import gradio as gr

SYSTEM_PROMPT = "You are a terse assistant."


def respond(message, history, temperature):
    history = history + [{"role": "user", "content": message}]
    reply = f"({temperature:.1f}) echo: {message}"
    partial = ""
    for word in reply.split():
        partial += word + " "
        time.sleep(0.01)
        yield "", history + [{"role": "assistant", "content": partial}]


def clear_chat():
    return [], ""


with gr.Blocks(title="Echo chat") as demo:
    gr.Markdown("## Echo chat\nType a message and watch it stream back.")
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Conversation", type="messages", height=420)
            msg = gr.Textbox(placeholder="Say something", show_label=False, lines=2)
        with gr.Column(scale=1):
            temperature = gr.Slider(0.0, 2.0, value=0.7, step=0.1, label="Temperature")
            clear = gr.Button("Clear", variant="secondary")
    msg.submit(respond, [msg, chatbot, temperature], [msg, chatbot], queue=True)
    clear.click(clear_chat, None, [chatbot, msg], queue=False)
    chatbot.like(lambda data: print(data.index, data.liked), None, None)

if __name__ == "__main__":
    demo.queue(max_size=32, default_concurrency_limit=4).launch(server_name="0.0.0.0", show_api=False)
