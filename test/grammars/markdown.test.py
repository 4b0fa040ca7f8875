# SYNTAX TEST "source.python" "Markdown in gr.Markdown(...) strings"
import gradio as gr

with gr.Blocks() as demo:
    gr.Markdown("""
# Image classifier
# <- meta.embedded.block.markdown markup.heading.markdown
Upload an image and press **Run**.
#                         ^^^^^^^ meta.embedded.block.markdown markup.bold.markdown
""")
# <--- punctuation.definition.string.end.python
    intro = gr.Markdown("Some *emphasis* here", elem_classes=["intro"])
#                        ^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.markdown
#                             ^^^^^^^^^^ markup.italic.markdown
#                                               ^^^^^^^^^^^^ variable.parameter.function-call.python
#                                                              ^^^^^ string.quoted.single.python - meta.embedded
    note = gr.Markdown(value='*done*')
#                      ^^^^^ variable.parameter.function-call.python
#                             ^^^^^^ meta.embedded.line.markdown markup.italic.markdown

x = 1
# <- - meta.embedded

# The closing quotes end the Markdown even at the end of a paragraph line.
gr.Markdown("""Thanks for **reading**""", visible=True)
#                                    ^^^ punctuation.definition.string.end.python
#                                         ^^^^^^^ variable.parameter.function-call.python - meta.embedded
y = 2
# <- - meta.embedded
