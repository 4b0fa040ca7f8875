# SYNTAX TEST "source.python" "HTML in gr.HTML(...) strings"
import gradio as gr

gr.HTML("<h1 class='title'>Hello</h1>", label="<not html>")
#  ^^^^ entity.name.function.call.python
#       ^ punctuation.definition.string.begin.python
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.html
#         ^^ entity.name.tag.html
#            ^^^^^ entity.other.attribute-name.html
#                                       ^^^^^ variable.parameter.function-call.python
#                                              ^^^^^^^^^^ string.quoted.single.python - meta.embedded

banner = gr.HTML(
    value="""
<div id="banner">
#^^^ meta.embedded.block.html entity.name.tag.html
  <p>Welcome</p>
</div>
""",
# <--- punctuation.definition.string.end.python
    elem_id="banner",
#            ^^^^^^ string.quoted.single.python - meta.embedded
)

# A call's own arguments stay Python.
status = gr.HTML(render(page, "x"), visible=True)
#                ^^^^^^ meta.function-call.python
#                             ^^^ string.quoted.single.python - meta.embedded
#                                   ^^^^^^^ variable.parameter.function-call.python
#                                           ^^^^ constant.language.python

gr.HTML(f"<b>{name}</b>")
#        ^^^^^^^^^^^^^^ - meta.embedded
