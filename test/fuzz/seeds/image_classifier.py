# An Interface around a fake image classifier, with examples and a flagging directory.
import numpy as np
import gradio as gr

LABELS = ["cat", "dog", "bird", "fish"]


def classify(image: np.ndarray, top_k: int = 3):
    if image is None:
        raise gr.Error("Please upload an image first.")
    scores = np.abs(np.sin(np.arange(len(LABELS)) + image.mean()))
    scores = scores / scores.sum()
    ranked = sorted(zip(LABELS, scores), key=lambda kv: -kv[1])[: int(top_k)]
    return {name: float(score) for name, score in ranked}


demo = gr.Interface(
    fn=classify,
    inputs=[gr.Image(type="numpy", label="Photo"), gr.Slider(1, 4, value=3, step=1, label="Top k")],
    outputs=gr.Label(num_top_classes=4),
    title="Pet classifier",
    description="Upload a photo; the model guesses what animal it shows.",
    examples=[["examples/cat.jpg", 2], ["examples/dog.jpg", 3]],
    allow_flagging="manual",
    flagging_dir="flags",
    cache_examples=False,
)

demo.launch(share=False, max_file_size="10mb")
