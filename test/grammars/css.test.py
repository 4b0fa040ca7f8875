# SYNTAX TEST "source.python" "CSS in css= strings"
import gradio as gr

demo = gr.Blocks(css=".gradio-container { max-width: 800px }")
#                ^^^ variable.parameter.function-call.python
#                   ^ keyword.operator.assignment.python
#                    ^ punctuation.definition.string.begin.python
#                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.css
#                                         ^^^^^^^^^ support.type.property-name.css
#                                                           ^ punctuation.definition.string.end.python
#                                                            ^ punctuation.definition.arguments.end.python

demo.launch(css="""
#               ^^^ string.quoted.multi.python punctuation.definition.string.begin.python
footer { visibility: hidden }
# <------ meta.embedded.block.css entity.name.tag.css
#        ^^^^^^^^^^ meta.embedded.block.css support.type.property-name.css
.gradio-container #title { max-width: 800px }
#^^^^^^^^^^^^^^^^ meta.embedded.block.css entity.other.attribute-name.class.css
#                  ^^^^^ entity.other.attribute-name.id.css
""", share=False)
# <--- punctuation.definition.string.end.python
#    ^^^^^ variable.parameter.function-call.python - meta.embedded

css = '#title h1 { color: red }'
#     ^ punctuation.definition.string.begin.python
#      ^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.css
#                  ^^^^^ support.type.property-name.css

# f-strings and other keywords keep Python's highlighting.
gr.Blocks(css=f".box {{ width: {WIDTH}px }}")
#             ^ storage.type.string.python
#              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ - meta.embedded
gr.Textbox(label="color: red")
#                 ^^^^^^^^^^ string.quoted.single.python - meta.embedded
gr.Blocks(csss="a { }")
#               ^^^^^ string.quoted.single.python - meta.embedded
