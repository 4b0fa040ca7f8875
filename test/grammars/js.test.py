# SYNTAX TEST "source.python" "JavaScript in js= strings"
import gradio as gr

btn.click(None, inp, out, js="(x) => x.toUpperCase()")
#                         ^^ variable.parameter.function-call.python
#                            ^ punctuation.definition.string.begin.python
#                             ^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.line.javascript
#                                 ^^ meta.embedded.line.javascript storage.type.function.arrow.js
#                                                   ^ punctuation.definition.string.end.python
#                                                    ^ punctuation.definition.arguments.end.python

demo.launch(js="""
function setup() {
# <-------- meta.embedded.block.javascript storage.type.function.js
  return "ready";
#        ^^^^^^^ meta.embedded.block.javascript string.quoted.double.js
}
""")
# <--- punctuation.definition.string.end.python

btn.click(fn, inp, out, _js="() => 1")
#                       ^^^ variable.parameter.function-call.python
#                            ^^^^^^^ meta.embedded.line.javascript

# An unbalanced brace in a one-line string stays inside the string.
btn.click(None, js='() => {', queue=False)
#                             ^^^^^ variable.parameter.function-call.python - meta.embedded
# A newline ends a single-quoted string that was not closed: the Python after it is not JavaScript.
btn.click(None, js='(x) => x
x = 1
# <- - meta.embedded
